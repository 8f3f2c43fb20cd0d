// SPDX-License-Identifier: MIT
// Every user-visible string of the candidate pages, in Russian (the default) and English.
// Static HTML marks its text with data-i18n / data-i18n-placeholder / data-i18n-aria-label;
// scripts call t(). The chosen language is remembered per browser.

const STRINGS = {
  ru: {
    'app.name': 'Proctor',
    'lang.switch': 'Язык',
    'common.loading': 'Загрузка…',
    'common.error': 'Ошибка: {message}',
    'common.retry': 'Повторить',
    'common.back': 'Назад',
    'common.minutes': '{n} мин',
    'common.noLimit': 'без ограничения',
    'common.toStart': 'На главную',

    'start.title': 'Обучение и тестирование',
    'start.lead': 'Выберите тест, укажите свои данные и начните обучение или тестирование.',
    'start.chooseTest': 'Тест',
    'start.noTests': 'Нет доступных тестов.',
    'start.testMeta': 'Вопросов: {questions} · Время: {time} · Проходной балл: {threshold}%',
    'start.you': 'Ваши данные',
    'start.lastName': 'Фамилия',
    'start.firstName': 'Имя',
    'start.middleName': 'Отчество (если есть)',
    'start.position': 'Должность',
    'start.consentTitle': 'Что записывается и зачем',
    'start.consent1': 'Время нажатия и отпускания клавиш (код физической клавиши), но никогда не набираемые символы.',
    'start.consent2': 'Движения мыши во время ответа на вопросы.',
    'start.consent3': 'Уход со страницы: потеря фокуса, сворачивание или переключение вкладки, выход из полноэкранного режима.',
    'start.consent4': 'Попытки копирования, вставки, вызова контекстного меню, печати и снимков экрана (они блокируются).',
    'start.consent5': 'Обезличенный хеш характеристик устройства (SHA-256) и случайный идентификатор браузера.',
    'start.consentWhy': 'Эти данные нужны, чтобы подтвердить самостоятельное прохождение теста. Их просматривают только проверяющие; хранятся они 12 месяцев, затем удаляются.',
    'start.consentAgree': 'Я ознакомлен(а) и согласен(на)',
    'start.study': 'Изучить материал',
    'start.take': 'Пройти тест',
    'start.required': 'Заполните фамилию, имя и должность, выберите тест и подтвердите согласие.',
    'start.codeTitle': 'Персональный код доступа',
    'start.codeHint': 'Этот тест проходят только сотрудники из списка. Введите код, который вы получили от администратора; фамилия и имя будут взяты из списка.',
    'start.accessCode': 'Код доступа',
    'start.codeRequired': 'Введите персональный код доступа и подтвердите согласие.',
    'start.codeInvalid': 'Код доступа не принят: он неверен, истёк или выдан для другого теста. Проверьте код и попробуйте снова.',
    'start.noStudy': 'Для этого теста нет учебного материала.',
    'start.verifyLink': 'Проверить заключение',

    'study.title': 'Учебный материал',
    'study.contents': 'Содержание',
    'study.selfCheck': 'Самопроверка',
    'study.correct': 'Верно.',
    'study.wrong': 'Неверно. Правильный ответ выделен.',
    'study.recorded': 'Ответ записан.',
    'study.toTest': 'Перейти к тесту',
    'study.starting': 'Открываем материал…',

    'test.title': 'Тестирование',
    'test.intro': 'Вопросы выбирает сервер. Отвечайте самостоятельно; переключение окон, копирование, печать и снимки экрана фиксируются.',
    'test.introMeta': 'Вопросов: {questions}. Время: {time}.',
    'test.begin': 'Начать тест',
    'test.starting': 'Получаем вопросы…',
    'test.question': 'Вопрос {n} из {total}',
    'test.answered': 'Отвечено: {n} из {total}',
    'test.single': 'Выберите один вариант',
    'test.multiple': 'Выберите все верные варианты',
    'test.prev': 'Назад',
    'test.next': 'Далее',
    'test.finish': 'Завершить тест',
    'test.timeLeft': 'Осталось {time}',
    'test.timeUp': 'Время вышло. Тест завершён.',
    'test.confirmTitle': 'Завершить тест?',
    'test.confirmUnanswered': 'Без ответа вопросов: {n}. Номера: {list}.',
    'test.confirmAll': 'Вы ответили на все вопросы.',
    'test.confirmYes': 'Завершить',
    'test.confirmNo': 'Вернуться к вопросам',
    'test.palette': 'Навигация по вопросам',
    'test.sending': 'Отправляем ответы… Результат появится, когда сервер подтвердит приём.',
    'test.sendingQueued': 'Нет связи с сервером: ответы сохранены и будут отправлены автоматически.',
    'test.fullscreenExit': 'Вы вышли из полноэкранного режима. Это зафиксировано.',
    'test.fullscreenBack': 'Вернуться в полноэкранный режим',
    'test.noCandidate': 'Сначала укажите свои данные на главной странице.',
    'test.resultTitle': 'Результат',
    'test.score': '{score}%',
    'test.correctCount': 'Верных ответов: {correct} из {total}',
    'test.grade': 'Оценка: {grade} ({number})',
    'test.passed': 'Тест пройден',
    'test.failed': 'Тест не пройден',
    'test.certificate': 'Заключение № {number}',
    'test.certificateDownload': 'Скачать заключение (PDF)',
    'test.certificatePending': 'Номер заключения ещё не получен от сервера. Скачивание станет доступно после его выдачи.',
    'test.certificateVerify': 'Проверить подлинность',
    'test.generating': 'Формируем PDF…',
    'test.retake': 'Пройти ещё раз',
    'test.sessionError': 'Не удалось начать тест: {message}',
    'test.resultError': 'Сервер отклонил результат: {message}',
    'test.attemptsLeft': 'Осталось попыток: {n}',
    'test.noAttemptsLeft': 'Попыток больше не осталось.',
    'test.nextAttemptAt': 'Следующая попытка — не раньше {time}.',
    'test.wrongQuestions': 'Вопросы, на которые дан неверный ответ:',
    'test.attemptsExhausted': 'Все попытки этого теста уже использованы.',
    'test.attemptCooldown': 'Следующая попытка будет доступна {time}.',

    'grade.excellent': 'отлично',
    'grade.good': 'хорошо',
    'grade.satisfactory': 'удовлетворительно',
    'grade.unsatisfactory': 'неудовлетворительно',
    'grade.poor': 'плохо',

    'proctor.eye': 'Наблюдение включено',
    'proctor.flash': 'Снимки экрана запрещены. Попытка зафиксирована.',
    'proctor.print': 'Печать во время обучения и тестирования запрещена.',
    'proctor.blocked': 'Действие запрещено и зафиксировано.',
    'offline.banner': 'Нет связи с сервером. Ожидают отправки: {n}. Данные сохранены и будут отправлены автоматически.',
    'offline.retrying': 'Сервер недоступен, повторяем отправку. Ожидают отправки: {n}.',

    'verify.title': 'Проверка заключения',
    'verify.number': 'Номер заключения',
    'verify.check': 'Проверить',
    'verify.valid': 'Заключение действительно',
    'verify.revoked': 'Заключение отозвано',
    'verify.notFound': 'Заключение с таким номером и кодом проверки не найдено.',
    'verify.code': 'Код проверки',
    'verify.revokedOn': 'Отозвано {date}',
    'verify.status': 'Статус',
    'verify.holder': 'Кому выдано',
    'verify.test': 'Тест',
    'verify.score': 'Результат',
    'verify.date': 'Дата выдачи',

    'cert.org': 'Система обучения и тестирования Proctor',
    'cert.title': 'ЗАКЛЮЧЕНИЕ № {number}',
    'cert.subject': 'о проверке знаний',
    'cert.holder': 'Сотрудник',
    'cert.position': 'Должность',
    'cert.test': 'Тест',
    'cert.result': 'Результат',
    'cert.resultValue': '{score}%, оценка «{grade}»',
    'cert.resultGrade': 'оценка «{grade}»',
    'cert.date': 'Дата',
    'cert.conclusion': 'Тест выполнен, порог прохождения достигнут.',
    'cert.verify': 'Проверка подлинности',
    'cert.fileName': 'Заключение_{number}.pdf',
    'cert.numberAndCode': '№ {number}, код проверки {code}',
  },
  en: {
    'app.name': 'Proctor',
    'lang.switch': 'Language',
    'common.loading': 'Loading…',
    'common.error': 'Error: {message}',
    'common.retry': 'Retry',
    'common.back': 'Back',
    'common.minutes': '{n} min',
    'common.noLimit': 'no limit',
    'common.toStart': 'Home',

    'start.title': 'Training and testing',
    'start.lead': 'Choose a test, enter your details, then study the material or take the test.',
    'start.chooseTest': 'Test',
    'start.noTests': 'No tests are available.',
    'start.testMeta': 'Questions: {questions} · Time: {time} · Pass mark: {threshold}%',
    'start.you': 'Your details',
    'start.lastName': 'Last name',
    'start.firstName': 'First name',
    'start.middleName': 'Middle name (if any)',
    'start.position': 'Position',
    'start.consentTitle': 'What is recorded and why',
    'start.consent1': 'When keys are pressed and released (the physical key code), never the characters you type.',
    'start.consent2': 'Mouse movement while you answer questions.',
    'start.consent3': 'Leaving the page: focus loss, minimising or switching tabs, leaving full screen.',
    'start.consent4': 'Attempts to copy, paste, open the context menu, print or take screenshots (they are blocked).',
    'start.consent5': 'An anonymised hash of device characteristics (SHA-256) and a random browser identifier.',
    'start.consentWhy': 'This data is needed to confirm that you took the test yourself. Only reviewers see it, and it is kept for 12 months, then deleted.',
    'start.consentAgree': 'I have read this and agree',
    'start.study': 'Study',
    'start.take': 'Take the test',
    'start.required': 'Enter your last name, first name and position, choose a test and accept the notice.',
    'start.codeTitle': 'Personal access code',
    'start.codeHint': 'Only the people on the list take this test. Enter the code your administrator sent you; your name comes from the list.',
    'start.accessCode': 'Access code',
    'start.codeRequired': 'Enter your personal access code and accept the notice.',
    'start.codeInvalid': 'The access code was not accepted: it is wrong, expired or for another test. Check it and try again.',
    'start.noStudy': 'This test has no study material.',
    'start.verifyLink': 'Verify a certificate',

    'study.title': 'Study material',
    'study.contents': 'Contents',
    'study.selfCheck': 'Self-check',
    'study.correct': 'Correct.',
    'study.wrong': 'Not quite. The right answer is highlighted.',
    'study.recorded': 'Answer recorded.',
    'study.toTest': 'Go to the test',
    'study.starting': 'Opening the material…',

    'test.title': 'Test',
    'test.intro': 'The server picks the questions. Answer on your own; switching windows, copying, printing and screenshots are recorded.',
    'test.introMeta': 'Questions: {questions}. Time: {time}.',
    'test.begin': 'Start the test',
    'test.starting': 'Fetching the questions…',
    'test.question': 'Question {n} of {total}',
    'test.answered': 'Answered: {n} of {total}',
    'test.single': 'Choose one option',
    'test.multiple': 'Choose every correct option',
    'test.prev': 'Back',
    'test.next': 'Next',
    'test.finish': 'Finish the test',
    'test.timeLeft': '{time} left',
    'test.timeUp': 'Time is up. The test is finished.',
    'test.confirmTitle': 'Finish the test?',
    'test.confirmUnanswered': 'Unanswered questions: {n}. Numbers: {list}.',
    'test.confirmAll': 'You have answered every question.',
    'test.confirmYes': 'Finish',
    'test.confirmNo': 'Back to the questions',
    'test.palette': 'Question navigation',
    'test.sending': 'Sending your answers… The result appears once the server confirms it.',
    'test.sendingQueued': 'No connection: your answers are saved and will be sent automatically.',
    'test.fullscreenExit': 'You left full screen. This has been recorded.',
    'test.fullscreenBack': 'Return to full screen',
    'test.noCandidate': 'Enter your details on the start page first.',
    'test.resultTitle': 'Result',
    'test.score': '{score}%',
    'test.correctCount': 'Correct answers: {correct} of {total}',
    'test.grade': 'Grade: {grade} ({number})',
    'test.passed': 'Passed',
    'test.failed': 'Not passed',
    'test.certificate': 'Certificate No. {number}',
    'test.certificateDownload': 'Download the certificate (PDF)',
    'test.certificatePending': 'The server has not issued the certificate number yet. The download appears once it has.',
    'test.certificateVerify': 'Verify it',
    'test.generating': 'Making the PDF…',
    'test.retake': 'Take it again',
    'test.sessionError': 'Could not start the test: {message}',
    'test.resultError': 'The server rejected the result: {message}',
    'test.attemptsLeft': 'Attempts left: {n}',
    'test.noAttemptsLeft': 'No attempts left.',
    'test.nextAttemptAt': 'Next attempt not before {time}.',
    'test.wrongQuestions': 'Questions answered wrongly:',
    'test.attemptsExhausted': 'Every attempt this test allows has been used.',
    'test.attemptCooldown': 'The next attempt is available {time}.',

    'grade.excellent': 'excellent',
    'grade.good': 'good',
    'grade.satisfactory': 'satisfactory',
    'grade.unsatisfactory': 'unsatisfactory',
    'grade.poor': 'poor',

    'proctor.eye': 'Proctoring is on',
    'proctor.flash': 'Screenshots are not allowed. The attempt has been recorded.',
    'proctor.print': 'Printing is not allowed during study and testing.',
    'proctor.blocked': 'Not allowed; this has been recorded.',
    'offline.banner': 'No connection. Waiting to be sent: {n}. Everything is saved and will be sent automatically.',
    'offline.retrying': 'The server is unavailable, retrying. Waiting to be sent: {n}.',

    'verify.title': 'Certificate verification',
    'verify.number': 'Certificate number',
    'verify.check': 'Verify',
    'verify.valid': 'The certificate is valid',
    'verify.revoked': 'The certificate has been revoked',
    'verify.notFound': 'No certificate has this number and verification code.',
    'verify.code': 'Verification code',
    'verify.revokedOn': 'Revoked on {date}',
    'verify.status': 'Status',
    'verify.holder': 'Holder',
    'verify.test': 'Test',
    'verify.score': 'Score',
    'verify.date': 'Issued',

    'cert.org': 'Proctor training and testing system',
    'cert.title': 'CERTIFICATE No. {number}',
    'cert.subject': 'of knowledge assessment',
    'cert.holder': 'Employee',
    'cert.position': 'Position',
    'cert.test': 'Test',
    'cert.result': 'Result',
    'cert.resultValue': '{score}%, grade “{grade}”',
    'cert.resultGrade': 'grade “{grade}”',
    'cert.date': 'Date',
    'cert.conclusion': 'The test was completed and the pass mark was reached.',
    'cert.verify': 'Verification',
    'cert.fileName': 'Certificate_{number}.pdf',
    'cert.numberAndCode': 'No. {number}, verification code {code}',
  },
};

export const LOCALES = Object.keys(STRINGS);
const STORAGE_KEY = 'proctor.locale';
let current = 'ru';

export function locale() {
  return current;
}

// The stored choice wins over the deployment default.
export function initLocale(defaultLocale) {
  let stored = null;
  try { stored = localStorage.getItem(STORAGE_KEY); } catch { /* storage may be disabled */ }
  const wanted = stored || defaultLocale || 'ru';
  current = STRINGS[wanted] ? wanted : 'ru';
  document.documentElement.lang = current;
  return current;
}

export function setLocale(next) {
  if (!STRINGS[next]) return;
  current = next;
  try { localStorage.setItem(STORAGE_KEY, next); } catch { /* ignore */ }
  document.documentElement.lang = next;
  applyI18n(document);
  document.dispatchEvent(new CustomEvent('proctor:locale', { detail: next }));
}

export function t(key, params = {}) {
  const text = STRINGS[current][key] ?? STRINGS.ru[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (m, name) => (name in params ? String(params[name]) : m));
}

export function applyI18n(root) {
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-placeholder]')) el.placeholder = t(el.dataset.i18nPlaceholder);
  for (const el of root.querySelectorAll('[data-i18n-aria-label]')) el.setAttribute('aria-label', t(el.dataset.i18nAriaLabel));
  for (const el of root.querySelectorAll('[data-i18n-title]')) el.title = t(el.dataset.i18nTitle);
  for (const btn of root.querySelectorAll('[data-locale]')) btn.setAttribute('aria-pressed', String(btn.dataset.locale === current));
}

// Wires the RU/EN buttons that every page has in its header.
export function bindLocaleSwitch(root = document) {
  for (const btn of root.querySelectorAll('[data-locale]')) {
    btn.addEventListener('click', () => setLocale(btn.dataset.locale));
  }
}

export function formatDuration(totalSeconds) {
  const s = Math.max(0, Math.floor(totalSeconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

export function formatDateTime(iso) {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso ?? '');
  return d.toLocaleString(current === 'ru' ? 'ru-RU' : 'en-GB', { day: '2-digit', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

export function formatDate(iso) {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso ?? '');
  return d.toLocaleDateString(current === 'ru' ? 'ru-RU' : 'en-GB', { day: '2-digit', month: 'long', year: 'numeric' });
}
