<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU" sourcelanguage="en">
<context>
    <name>DataSize</name>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n байт</numerusform>
            <numerusform>%n байта</numerusform>
            <numerusform>%n байт</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 KB</source>
        <translation>%1 КБ</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 МБ</translation>
    </message>
    <message>
        <source>%1 GB</source>
        <translation>%1 ГБ</translation>
    </message>
</context>
<context>
    <name>Proctor::Admin::Api</name>
    <message>
        <source>Many focus losses</source>
        <translation>Много потерь фокуса</translation>
    </message>
    <message>
        <source>Long time away from the test</source>
        <translation>Долгое отсутствие</translation>
    </message>
    <message>
        <source>Print or screenshot attempts</source>
        <translation>Попытки печати или скриншота</translation>
    </message>
    <message>
        <source>Mouse movements match another session</source>
        <translation>Движения мыши совпадают с другой сессией</translation>
    </message>
    <message>
        <source>Typing rhythm matches another session</source>
        <translation>Ритм набора совпадает с другой сессией</translation>
    </message>
    <message>
        <source>Activity after the test was finished</source>
        <translation>Действия после завершения теста</translation>
    </message>
    <message>
        <source>Copy, cut or paste attempts</source>
        <translation>Попытки копирования, вырезания или вставки</translation>
    </message>
    <message>
        <source>Left full screen</source>
        <translation>Выход из полноэкранного режима</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Низкий</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Средний</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Высокий</translation>
    </message>
    <message>
        <source>Excellent</source>
        <translation>Отлично</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>Хорошо</translation>
    </message>
    <message>
        <source>Satisfactory</source>
        <translation>Удовлетворительно</translation>
    </message>
    <message>
        <source>Unsatisfactory</source>
        <translation>Неудовлетворительно</translation>
    </message>
    <message>
        <source>Poor</source>
        <translation>Плохо</translation>
    </message>
    <message>
        <source>Result stored after the time limit</source>
        <translation>Результат сохранён после истечения времени</translation>
    </message>
    <message>
        <source>Unreviewed</source>
        <translation>Не проверена</translation>
    </message>
    <message>
        <source>Cleared</source>
        <translation>Нарушений нет</translation>
    </message>
    <message>
        <source>Violation</source>
        <translation>Нарушение</translation>
    </message>
    <message>
        <source>Second look</source>
        <translation>Повторная проверка</translation>
    </message>
    <message>
        <source>High score without study, very fast</source>
        <translation>Высокий балл без обучения и очень быстро</translation>
    </message>
    <message>
        <source>Correct answers faster than reading</source>
        <translation>Верные ответы быстрее, чем можно прочитать</translation>
    </message>
    <message>
        <source>Attempt faster than reading the questions</source>
        <translation>Попытка быстрее, чем можно прочитать вопросы</translation>
    </message>
    <message>
        <source>Burst of short attempts from one address, device or page key</source>
        <translation>Серия коротких попыток с одного адреса, устройства или ключа страницы</translation>
    </message>
</context>
<context>
    <name>Proctor::Admin::Api::ApiError</name>
    <message>
        <source>The server cannot be reached. Check the address and your network connection.</source>
        <translation>Сервер недоступен. Проверьте адрес и подключение к сети.</translation>
    </message>
    <message>
        <source>The server did not answer in time. Try again later.</source>
        <translation>Сервер не ответил вовремя. Повторите позже.</translation>
    </message>
    <message>
        <source>The secure connection failed (TLS): %1. Check the server address and its certificate.</source>
        <translation>Ошибка защищённого соединения (TLS): %1. Проверьте адрес сервера и его сертификат.</translation>
    </message>
    <message>
        <source>Wrong email or password.</source>
        <translation>Неверная почта или пароль.</translation>
    </message>
    <message>
        <source>Your session has expired. Please sign in again.</source>
        <translation>Срок входа истёк. Войдите снова.</translation>
    </message>
    <message>
        <source>You are not signed in (the sign-in is no longer valid). Please sign in again.</source>
        <translation>Вход недействителен. Войдите снова.</translation>
    </message>
    <message>
        <source>Your role does not allow this action.</source>
        <translation>Ваша роль не позволяет это действие.</translation>
    </message>
    <message>
        <source>Not found on the server.</source>
        <translation>Не найдено на сервере.</translation>
    </message>
    <message>
        <source>Too many attempts. Try again in %1 s.</source>
        <translation>Слишком много попыток. Повторите через %1 с.</translation>
    </message>
    <message>
        <source>Too many attempts. Try again later.</source>
        <translation>Слишком много попыток. Повторите позже.</translation>
    </message>
    <message>
        <source>The server is temporarily unavailable. Try again later.</source>
        <translation>Сервер временно недоступен. Повторите позже.</translation>
    </message>
    <message>
        <source>The server failed (HTTP %1).</source>
        <translation>Ошибка сервера (HTTP %1).</translation>
    </message>
    <message>
        <source>The server&apos;s answer was not understood. Is this the address of a Proctor server?</source>
        <translation>Ответ сервера не распознан. Это адрес сервера Proctor?</translation>
    </message>
    <message>
        <source>The request was cancelled.</source>
        <translation>Запрос отменён.</translation>
    </message>
    <message>
        <source>The request was not valid JSON.</source>
        <translation>Запрос не является корректным JSON.</translation>
    </message>
    <message>
        <source>The server did not accept a value of the request.</source>
        <translation>Сервер не принял значение в запросе.</translation>
    </message>
    <message>
        <source>The server did not accept a parameter of the request.</source>
        <translation>Сервер не принял параметр запроса.</translation>
    </message>
    <message>
        <source>An API key is required.</source>
        <translation>Нужен API-ключ.</translation>
    </message>
    <message>
        <source>The API key is not valid.</source>
        <translation>API-ключ недействителен.</translation>
    </message>
    <message>
        <source>You are not signed in. Please sign in again.</source>
        <translation>Вы не вошли в систему. Войдите снова.</translation>
    </message>
    <message>
        <source>The API key does not allow this action.</source>
        <translation>API-ключ не позволяет это действие.</translation>
    </message>
    <message>
        <source>This session does not allow this action.</source>
        <translation>Эта сессия не позволяет это действие.</translation>
    </message>
    <message>
        <source>The access code is unknown, expired or for another test.</source>
        <translation>Код доступа неизвестен, истёк или относится к другому тесту.</translation>
    </message>
    <message>
        <source>The server does not support this action.</source>
        <translation>Сервер не поддерживает это действие.</translation>
    </message>
    <message>
        <source>This conflicts with the data on the server (for example, the email is already taken, or it is the last active administrator).</source>
        <translation>Это противоречит данным на сервере (например, адрес эл. почты уже занят или это последний активный администратор).</translation>
    </message>
    <message>
        <source>The session is finished and already has a different result.</source>
        <translation>Сессия завершена, и у неё уже другой результат.</translation>
    </message>
    <message>
        <source>The request is too large.</source>
        <translation>Запрос слишком большой.</translation>
    </message>
    <message>
        <source>The request headers are too large.</source>
        <translation>Заголовки запроса слишком большие.</translation>
    </message>
    <message>
        <source>The server does not accept this kind of data.</source>
        <translation>Сервер не принимает данные такого типа.</translation>
    </message>
    <message>
        <source>The request took too long to arrive. Try again.</source>
        <translation>Запрос передавался слишком долго. Повторите.</translation>
    </message>
    <message>
        <source>The live connection needs a WebSocket.</source>
        <translation>Для живых обновлений нужно соединение WebSocket.</translation>
    </message>
    <message>
        <source>The server failed. Try again later.</source>
        <translation>Ошибка сервера. Повторите позже.</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Эл. почта</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Пароль</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Отключён</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>Текущий пароль</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Новый пароль</translation>
    </message>
    <message>
        <source>Scopes</source>
        <translation>Права</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Комментарий</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Решение</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Организация</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Контакты</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>Правовое основание</translation>
    </message>
    <message>
        <source>Signatories</source>
        <translation>Подписанты</translation>
    </message>
    <message>
        <source>Target false-alarm rate</source>
        <translation>Целевая доля ложных срабатываний</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Попыток</translation>
    </message>
    <message>
        <source>Pause between attempts</source>
        <translation>Пауза между попытками</translation>
    </message>
    <message>
        <source>What the candidate sees</source>
        <translation>Что видит кандидат</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Период</translation>
    </message>
    <message>
        <source>Page size</source>
        <translation>Размер страницы</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Страница</translation>
    </message>
    <message>
        <source>%1 Field: %2.</source>
        <translation>%1 Поле: %2.</translation>
    </message>
    <message>
        <source>The current password is wrong.</source>
        <translation>Текущий пароль неверен.</translation>
    </message>
    <message>
        <source>The server refused the request.</source>
        <translation>Сервер отклонил запрос.</translation>
    </message>
</context>
<context>
    <name>Proctor::Admin::Api::TokenStore</name>
    <message>
        <source>in-memory token store requested (PROCTOR_ADMIN_TOKEN_STORE=memory)</source>
        <translation>запрошено хранение токена в памяти (PROCTOR_ADMIN_TOKEN_STORE=memory)</translation>
    </message>
    <message>
        <source>no keychain on the offscreen platform</source>
        <translation>на платформе offscreen нет связки ключей</translation>
    </message>
    <message>
        <source>no desktop session bus, so no keychain service</source>
        <translation>нет шины сеанса рабочего стола, поэтому служба связки ключей недоступна</translation>
    </message>
    <message>
        <source>the keychain refused the token: %1</source>
        <translation>связка ключей отклонила токен: %1</translation>
    </message>
    <message>
        <source>the keychain is not available: %1</source>
        <translation>связка ключей недоступна: %1</translation>
    </message>
</context>
<context>
    <name>Proctor::Admin::EventTypes</name>
    <message>
        <source>Test started</source>
        <translation>Тест начат</translation>
    </message>
    <message>
        <source>start</source>
        <translation>старт</translation>
    </message>
    <message>
        <source>Test finished</source>
        <translation>Тест завершён</translation>
    </message>
    <message>
        <source>finish</source>
        <translation>финиш</translation>
    </message>
    <message>
        <source>Study started</source>
        <translation>Обучение начато</translation>
    </message>
    <message>
        <source>study</source>
        <translation>обучение</translation>
    </message>
    <message>
        <source>Question shown</source>
        <translation>Показан вопрос</translation>
    </message>
    <message>
        <source>question</source>
        <translation>вопрос</translation>
    </message>
    <message>
        <source>Answer changed</source>
        <translation>Изменён ответ</translation>
    </message>
    <message>
        <source>answer</source>
        <translation>ответ</translation>
    </message>
    <message>
        <source>Focus lost</source>
        <translation>Потеря фокуса</translation>
    </message>
    <message>
        <source>focus</source>
        <translation>фокус</translation>
    </message>
    <message>
        <source>Focus back</source>
        <translation>Возврат фокуса</translation>
    </message>
    <message>
        <source>focus back</source>
        <translation>возврат фокуса</translation>
    </message>
    <message>
        <source>Page hidden</source>
        <translation>Страница скрыта</translation>
    </message>
    <message>
        <source>hidden</source>
        <translation>скрыта</translation>
    </message>
    <message>
        <source>Page visible</source>
        <translation>Страница видна</translation>
    </message>
    <message>
        <source>visible</source>
        <translation>видна</translation>
    </message>
    <message>
        <source>Copy attempt</source>
        <translation>Попытка копирования</translation>
    </message>
    <message>
        <source>copy</source>
        <translation>копирование</translation>
    </message>
    <message>
        <source>Cut attempt</source>
        <translation>Попытка вырезания</translation>
    </message>
    <message>
        <source>cut</source>
        <translation>вырезание</translation>
    </message>
    <message>
        <source>Paste attempt</source>
        <translation>Попытка вставки</translation>
    </message>
    <message>
        <source>paste</source>
        <translation>вставка</translation>
    </message>
    <message>
        <source>Context menu</source>
        <translation>Контекстное меню</translation>
    </message>
    <message>
        <source>menu</source>
        <translation>меню</translation>
    </message>
    <message>
        <source>Print attempt</source>
        <translation>Попытка печати</translation>
    </message>
    <message>
        <source>print</source>
        <translation>печать</translation>
    </message>
    <message>
        <source>Screenshot attempt</source>
        <translation>Попытка скриншота</translation>
    </message>
    <message>
        <source>screenshot</source>
        <translation>скриншот</translation>
    </message>
    <message>
        <source>Left full screen</source>
        <translation>Выход из полноэкранного режима</translation>
    </message>
    <message>
        <source>fullscreen</source>
        <translation>полный экран</translation>
    </message>
    <message>
        <source>Went offline</source>
        <translation>Нет сети</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>офлайн</translation>
    </message>
    <message>
        <source>Back online</source>
        <translation>Сеть восстановлена</translation>
    </message>
    <message>
        <source>online</source>
        <translation>онлайн</translation>
    </message>
    <message>
        <source>Module viewed</source>
        <translation>Просмотр модуля</translation>
    </message>
    <message>
        <source>module</source>
        <translation>модуль</translation>
    </message>
    <message>
        <source>Scrolled</source>
        <translation>Прокрутка</translation>
    </message>
    <message>
        <source>scroll</source>
        <translation>прокрутка</translation>
    </message>
    <message>
        <source>Self-check answered</source>
        <translation>Ответ на самопроверку</translation>
    </message>
    <message>
        <source>self-check</source>
        <translation>самопроверка</translation>
    </message>
    <message>
        <source>Flow</source>
        <translation>Ход теста</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>Ответы</translation>
    </message>
    <message>
        <source>Focus</source>
        <translation>Фокус</translation>
    </message>
    <message>
        <source>Clipboard</source>
        <translation>Буфер обмена</translation>
    </message>
    <message>
        <source>Print/screen</source>
        <translation>Печать/экран</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Сеть</translation>
    </message>
    <message>
        <source>Study</source>
        <translation>Обучение</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Другое</translation>
    </message>
</context>
<context>
    <name>Proctor::Admin::Export</name>
    <message>
        <source>Session report</source>
        <translation>Отчёт по сессии</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>Не удалось записать %1</translation>
    </message>
    <message>
        <source>Session report: %1</source>
        <translation>Отчёт по сессии: %1</translation>
    </message>
    <message>
        <source>Position: %1</source>
        <translation>Должность: %1</translation>
    </message>
    <message>
        <source>Email: %1</source>
        <translation>Эл. почта: %1</translation>
    </message>
    <message>
        <source>Test: %1</source>
        <translation>Тест: %1</translation>
    </message>
    <message>
        <source>Session: %1</source>
        <translation>Сессия: %1</translation>
    </message>
    <message>
        <source>Started: %1, finished: %2, duration %3</source>
        <translation>Начало: %1, окончание: %2, длительность %3</translation>
    </message>
    <message>
        <source>IP address: %1; device: …%2</source>
        <translation>IP-адрес: %1; устройство: …%2</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Результат</translation>
    </message>
    <message>
        <source>Score %1 % (%2 of %3 correct), %4; grade: %5</source>
        <translation>Балл %1 % (верно %2 из %3), %4; оценка: %5</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>сдан</translation>
    </message>
    <message>
        <source>not passed</source>
        <translation>не сдан</translation>
    </message>
    <message>
        <source>Certificate %1 issued %2</source>
        <translation>Аттестат %1 выдан %2</translation>
    </message>
    <message>
        <source>Risk: %1 (%2 of 100)</source>
        <translation>Риск: %1 (%2 из 100)</translation>
    </message>
    <message>
        <source>No risk factors.</source>
        <translation>Факторов риска нет.</translation>
    </message>
    <message>
        <source>+%1  %2 (observed %3, threshold %4; %5 events)</source>
        <translation>+%1  %2 (наблюдалось %3, порог %4; событий: %5)</translation>
    </message>
    <message>
        <source>Violations</source>
        <translation>Нарушения</translation>
    </message>
    <message>
        <source>None recorded.</source>
        <translation>Не зафиксировано.</translation>
    </message>
    <message>
        <source>Timeline summary</source>
        <translation>Сводка событий</translation>
    </message>
    <message>
        <source>%1 events; %2 after the test was finished.</source>
        <translation>Событий: %1; после завершения теста: %2.</translation>
    </message>
    <message>
        <source>  (after finish)</source>
        <translation>  (после завершения)</translation>
    </message>
    <message>
        <source>Mouse trajectory</source>
        <translation>Траектория мыши</translation>
    </message>
</context>
<context>
    <name>Proctor::Admin::Models</name>
    <message>
        <source>study</source>
        <translation>обучение</translation>
    </message>
    <message>
        <source>test</source>
        <translation>тест</translation>
    </message>
    <message>
        <source>several candidates on one device</source>
        <translation>несколько кандидатов на одном устройстве</translation>
    </message>
    <message>
        <source>candidate on several devices</source>
        <translation>кандидат на нескольких устройствах</translation>
    </message>
</context>
<context>
    <name>Proctor::Admin::Models::AbandonedModel</name>
    <message>
        <source>Candidate</source>
        <translation>Кандидат</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Тест</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Начало</translation>
    </message>
    <message>
        <source>Last activity</source>
        <translation>Последняя активность</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>События</translation>
    </message>
    <message>
        <source>Focus losses</source>
        <translation>Потери фокуса</translation>
    </message>
    <message>
        <source>Screenshots</source>
        <translation>Скриншоты</translation>
    </message>
    <message>
        <source>Prints</source>
        <translation>Печать</translation>
    </message>
</context>
<context>
    <name>Proctor::Admin::Models::AdminsModel</name>
    <message>
        <source>Email</source>
        <translation>Эл. почта</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>administrator</source>
        <translation>администратор</translation>
    </message>
    <message>
        <source>proctor</source>
        <translation>проктор</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>отключён</translation>
    </message>
    <message>
        <source>active</source>
        <translation>активен</translation>
    </message>
</context>
<context>
    <name>Proctor::Admin::Models::AnswersModel</name>
    <message>
        <source>(no answer)</source>
        <translation>(нет ответа)</translation>
    </message>
    <message>
        <source>correct</source>
        <translation>верно</translation>
    </message>
    <message>
        <source>wrong</source>
        <translation>неверно</translation>
    </message>
    <message>
        <source> s</source>
        <translation> с</translation>
    </message>
    <message>
        <source>#</source>
        <translation>№</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Вопрос</translation>
    </message>
    <message>
        <source>Chosen</source>
        <translation>Выбрано</translation>
    </message>
    <message>
        <source>Correct answer</source>
        <translation>Правильный ответ</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Результат</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Изменения</translation>
    </message>
</context>
<context>
    <name>Proctor::Admin::Models::ApiKeysModel</name>
    <message>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Prefix</source>
        <translation>Префикс</translation>
    </message>
    <message>
        <source>Scopes</source>
        <translation>Права</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Создан</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Запросы</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Последнее использование</translation>
    </message>
    <message>
        <source>revoked %1</source>
        <translation>отозван %1</translation>
    </message>
    <message>
        <source>active</source>
        <translation>активен</translation>
    </message>
</context>
<context>
    <name>Proctor::Admin::Models::AuditModel</name>
    <message>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Кто</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Действие</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Объект</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Подробности</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Откуда</translation>
    </message>
</context>
<context>
    <name>Proctor::Admin::Models::CertificatesModel</name>
    <message>
        <source>Number</source>
        <translation>Номер</translation>
    </message>
    <message>
        <source>Holder</source>
        <translation>ФИО</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Должность</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Тест</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Балл</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Выдан</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>отозван</translation>
    </message>
    <message>
        <source>valid</source>
        <translation>действителен</translation>
    </message>
</context>
<context>
    <name>Proctor::Admin::Models::DeviceGroupsModel</name>
    <message>
        <source>Device</source>
        <translation>Устройство</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Сессии</translation>
    </message>
    <message>
        <source>Candidates</source>
        <translation>Кандидаты</translation>
    </message>
    <message>
        <source>Anomalies</source>
        <translation>Аномалии</translation>
    </message>
</context>
<context>
    <name>Proctor::Admin::Models::FingerprintCompareModel</name>
    <message>
        <source>match</source>
        <translation>совпадает</translation>
    </message>
    <message>
        <source>differs</source>
        <translation>различается</translation>
    </message>
    <message>
        <source>Attribute</source>
        <translation>Признак</translation>
    </message>
    <message>
        <source>Same device?</source>
        <translation>То же устройство?</translation>
    </message>
</context>
<context>
    <name>Proctor::Admin::Models::KeystrokeCompareModel</name>
    <message>
        <source>%1 ± %2 ms (n=%3)</source>
        <translation>%1 ± %2 мс (n=%3)</translation>
    </message>
    <message>
        <source>Feature</source>
        <translation>Признак</translation>
    </message>
</context>
<context>
    <name>Proctor::Admin::Models::MultiDeviceModel</name>
    <message>
        <source>Candidate</source>
        <translation>Кандидат</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Устройства</translation>
    </message>
    <message>
        <source>Device hashes</source>
        <translation>Хеши устройств</translation>
    </message>
</context>
<context>
    <name>Proctor::Admin::Models::PairScoresModel</name>
    <message>
        <source>n/a</source>
        <translation>н/д</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n question(s))</source>
        <translation>
            <numerusform>%1 (%n вопрос)</numerusform>
            <numerusform>%1 (%n вопроса)</numerusform>
            <numerusform>%1 (%n вопросов)</numerusform>
        </translation>
    </message>
    <message>
        <source>Session A</source>
        <translation>Сессия A</translation>
    </message>
    <message>
        <source>Session B</source>
        <translation>Сессия B</translation>
    </message>
    <message>
        <source>Mouse, this question</source>
        <translation>Мышь, этот вопрос</translation>
    </message>
    <message>
        <source>Mouse, mean</source>
        <translation>Мышь, среднее</translation>
    </message>
    <message>
        <source>Same typist</source>
        <translation>Тот же человек за клавиатурой</translation>
    </message>
</context>
<context>
    <name>Proctor::Admin::Models::PrecisionModel</name>
    <message>
        <source>Of the decided sessions this factor flagged, the share confirmed as a violation</source>
        <translation>Доля подтверждённых нарушений среди проверенных сессий, отмеченных этим фактором</translation>
    </message>
    <message>
        <source>nothing decided</source>
        <translation>решений нет</translation>
    </message>
    <message>
        <source>Risk factor</source>
        <translation>Фактор риска</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>Отмечено</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>Решено</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Подтверждено</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>Точность</translation>
    </message>
</context>
<context>
    <name>Proctor::Admin::Models::ResultsModel</name>
    <message>
        <source>Candidate</source>
        <translation>Кандидат</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Должность</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Тест</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Завершён</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Длительность</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Балл</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>Оценка</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>Риск</translation>
    </message>
    <message>
        <source>Violations</source>
        <translation>Нарушения</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Аттестат</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Устройство</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Проверка</translation>
    </message>
</context>
<context>
    <name>Proctor::Admin::Models::RiskFactorsModel</name>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n событие</numerusform>
            <numerusform>%n события</numerusform>
            <numerusform>%n событий</numerusform>
        </translation>
    </message>
    <message>
        <source>Select to highlight the evidence on the timeline</source>
        <translation>Выберите, чтобы выделить доказательства на ленте событий</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Баллы</translation>
    </message>
    <message>
        <source>Observed</source>
        <translation>Наблюдалось</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Порог</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Доказательства</translation>
    </message>
    <message>
        <source>session %1…</source>
        <translation>сессия %1…</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 мс</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 с</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 мин %2 с</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 ч %2 мин</translation>
    </message>
    <message>
        <source>every time</source>
        <translation>всегда</translation>
    </message>
    <message>
        <source>practically never</source>
        <translation>практически никогда</translation>
    </message>
    <message>
        <source>1 in %1</source>
        <translation>1 из %1</translation>
    </message>
    <message>
        <source>%1 of 100</source>
        <translation>%1 из 100</translation>
    </message>
    <message>
        <source>not enough data to compare</source>
        <translation>недостаточно данных для сравнения</translation>
    </message>
    <message>
        <source>closest: %1</source>
        <translation>ближайшая: %1</translation>
    </message>
    <message numerus="yes">
        <source>by chance %1 per comparison (%n comparison(s))</source>
        <translation>
            <numerusform>случайно %1 на сравнение (%n сравнение)</numerusform>
            <numerusform>случайно %1 на сравнение (%n сравнения)</numerusform>
            <numerusform>случайно %1 на сравнение (%n сравнений)</numerusform>
        </translation>
    </message>
    <message>
        <source>Related sessions: %1</source>
        <translation>Связанные сессии: %1</translation>
    </message>
    <message>
        <source>related: %1</source>
        <translation>связанные: %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 и ещё %n</numerusform>
            <numerusform>%1 и ещё %n</numerusform>
            <numerusform>%1 и ещё %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Proctor::Admin::Models::RosterModel</name>
    <message>
        <source>Name</source>
        <translation>ФИО</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Должность</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Эл. почта</translation>
    </message>
    <message>
        <source>Employee no.</source>
        <translation>Табельный номер</translation>
    </message>
    <message>
        <source>Access code</source>
        <translation>Код доступа</translation>
    </message>
    <message>
        <source>Code valid until</source>
        <translation>Код действует до</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>Запусков</translation>
    </message>
    <message>
        <source>hidden (issued %1)</source>
        <translation>скрыт (выдан %1)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>no expiry</source>
        <translation>бессрочно</translation>
    </message>
    <message>
        <source>Issued just now: copy or export it before closing this window.</source>
        <translation>Выдан только что: скопируйте или выгрузите его до закрытия этого окна.</translation>
    </message>
    <message>
        <source>The server keeps only a hash of the code; issue a new code to see one.</source>
        <translation>Сервер хранит только хеш кода; чтобы увидеть код, выдайте новый.</translation>
    </message>
</context>
<context>
    <name>Proctor::Admin::Models::SearchModel</name>
    <message>
        <source>Session: %1 — %2 %3</source>
        <translation>Сессия: %1 — %2 %3</translation>
    </message>
    <message>
        <source>Candidate: %1</source>
        <translation>Кандидат: %1</translation>
    </message>
    <message>
        <source>Certificate %1 — %2</source>
        <translation>Аттестат %1 — %2</translation>
    </message>
</context>
<context>
    <name>Proctor::Admin::Models::SimilarModel</name>
    <message>
        <source>Candidate</source>
        <translation>Кандидат</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Сессия</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Вопрос</translation>
    </message>
    <message>
        <source>Similarity</source>
        <translation>Сходство</translation>
    </message>
    <message>
        <source>DTW distance</source>
        <translation>Расстояние DTW</translation>
    </message>
</context>
<context>
    <name>Proctor::Admin::Models::TestsModel</name>
    <message>
        <source>Test</source>
        <translation>Тест</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Идентификатор</translation>
    </message>
    <message>
        <source>Access</source>
        <translation>Доступ</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Попыток</translation>
    </message>
    <message>
        <source>Between attempts</source>
        <translation>Между попытками</translation>
    </message>
    <message>
        <source>Candidate sees</source>
        <translation>Кандидат видит</translation>
    </message>
    <message>
        <source>Roster</source>
        <translation>Список</translation>
    </message>
    <message>
        <source>score</source>
        <translation>процент</translation>
    </message>
    <message>
        <source>review of mistakes</source>
        <translation>разбор ошибок</translation>
    </message>
    <message>
        <source>pass or fail</source>
        <translation>сдал или нет</translation>
    </message>
    <message>
        <source>no pause</source>
        <translation>без паузы</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n день</numerusform>
            <numerusform>%n дня</numerusform>
            <numerusform>%n дней</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n час</numerusform>
            <numerusform>%n часа</numerusform>
            <numerusform>%n часов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n мин</numerusform>
            <numerusform>%n мин</numerusform>
            <numerusform>%n мин</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n с</numerusform>
            <numerusform>%n с</numerusform>
            <numerusform>%n с</numerusform>
        </translation>
    </message>
    <message>
        <source>by roster code</source>
        <translation>по коду из списка</translation>
    </message>
    <message>
        <source>open</source>
        <translation>открытый</translation>
    </message>
    <message numerus="yes">
        <source>%n person(s)</source>
        <translation>
            <numerusform>%n человек</numerusform>
            <numerusform>%n человека</numerusform>
            <numerusform>%n человек</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Proctor::Admin::Models::TimelineModel</name>
    <message>
        <source>away %1 s</source>
        <translation>отсутствие %1 с</translation>
    </message>
    <message>
        <source>question %1 (%2)</source>
        <translation>вопрос %1 (%2)</translation>
    </message>
    <message>
        <source>question %1</source>
        <translation>вопрос %1</translation>
    </message>
    <message>
        <source>on question %1</source>
        <translation>на вопросе %1</translation>
    </message>
    <message>
        <source>after finish</source>
        <translation>после завершения</translation>
    </message>
    <message>
        <source>gap</source>
        <translation>пауза</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <source>Since previous</source>
        <translation>С предыдущего</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Событие</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Подробности</translation>
    </message>
    <message>
        <source>Marks</source>
        <translation>Отметки</translation>
    </message>
    <message>
        <source>the time ran out</source>
        <translation>время вышло</translation>
    </message>
    <message>
        <source>submitted by the candidate</source>
        <translation>завершён кандидатом</translation>
    </message>
</context>
<context>
    <name>Proctor::Admin::Views::AbandonedView</name>
    <message>
        <source>Abandoned sessions</source>
        <translation>Прерванные сессии</translation>
    </message>
    <message>
        <source>Tests only</source>
        <translation>Только тесты</translation>
    </message>
    <message>
        <source>Study only</source>
        <translation>Только обучение</translation>
    </message>
    <message>
        <source>Session kind</source>
        <translation>Тип сессии</translation>
    </message>
    <message>
        <source>Tests and study</source>
        <translation>Тесты и обучение</translation>
    </message>
    <message>
        <source>idle for 30 min or more</source>
        <translation>без активности 30 мин и больше</translation>
    </message>
    <message>
        <source>idle for 2 hours or more</source>
        <translation>без активности 2 часа и больше</translation>
    </message>
    <message>
        <source>idle for a day or more</source>
        <translation>без активности сутки и больше</translation>
    </message>
    <message>
        <source>any, including sessions in progress</source>
        <translation>все, включая идущие сейчас</translation>
    </message>
    <message>
        <source>Idle for</source>
        <translation>Без активности</translation>
    </message>
    <message>
        <source>Started but never finished:</source>
        <translation>Начаты, но не завершены:</translation>
    </message>
</context>
<context>
    <name>Proctor::Admin::Views::AddAdminDialog</name>
    <message>
        <source>New account</source>
        <translation>Новая учётная запись</translation>
    </message>
    <message numerus="yes">
        <source>at least %n characters</source>
        <translation>
            <numerusform>не меньше %n символа</numerusform>
            <numerusform>не меньше %n символов</numerusform>
            <numerusform>не меньше %n символов</numerusform>
        </translation>
    </message>
    <message>
        <source>proctor</source>
        <translation>проктор</translation>
    </message>
    <message>
        <source>administrator</source>
        <translation>администратор</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Эл. почта</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Пароль</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message>
        <source>Email:</source>
        <translation>Эл. почта:</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Имя:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Пароль:</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>Роль:</translation>
    </message>
    <message>
        <source>Create account</source>
        <translation>Создать учётную запись</translation>
    </message>
    <message>
        <source>Enter the email and a password.</source>
        <translation>Введите адрес эл. почты и пароль.</translation>
    </message>
</context>
<context>
    <name>Proctor::Admin::Views::AdminView</name>
    <message>
        <source>Legal basis</source>
        <translation>Правовое основание</translation>
    </message>
    <message>
        <source>Licence or other document under which the organisation issues certificates</source>
        <translation>Лицензия или иной документ, на основании которого организация выдаёт аттестаты</translation>
    </message>
    <message>
        <source>Legal basis:</source>
        <translation>Правовое основание:</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Administration&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Администрирование&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>You are signed in as a proctor: management needs the administrator role, so the server will refuse changes.</source>
        <translation>Вы вошли как проктор: для управления нужна роль администратора, поэтому сервер отклонит изменения.</translation>
    </message>
    <message>
        <source>API keys</source>
        <translation>API-ключи</translation>
    </message>
    <message>
        <source>Create key…</source>
        <translation>Создать ключ…</translation>
    </message>
    <message>
        <source>Revoke…</source>
        <translation>Отозвать…</translation>
    </message>
    <message>
        <source>New API key</source>
        <translation>Новый API-ключ</translation>
    </message>
    <message>
        <source>Key name</source>
        <translation>Название ключа</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Имя:</translation>
    </message>
    <message>
        <source>Scopes:</source>
        <translation>Права:</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-ключ</translation>
    </message>
    <message>
        <source>API key created</source>
        <translation>API-ключ создан</translation>
    </message>
    <message>
        <source>Copy the key now: it is shown only once and cannot be retrieved later.

%1</source>
        <translation>Скопируйте ключ сейчас: он показывается только один раз, и позже получить его будет невозможно.

%1</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Копировать</translation>
    </message>
    <message>
        <source>Revoke API key</source>
        <translation>Отозвать API-ключ</translation>
    </message>
    <message>
        <source>Revoke the key &quot;%1&quot;? Pages using it stop working at once on every server.</source>
        <translation>Отозвать ключ «%1»? Страницы, которые его используют, сразу перестанут работать на всех серверах.</translation>
    </message>
    <message>
        <source>Administrators and proctors</source>
        <translation>Администраторы и прокторы</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Добавить…</translation>
    </message>
    <message>
        <source>Change role</source>
        <translation>Сменить роль</translation>
    </message>
    <message>
        <source>Disable / enable</source>
        <translation>Отключить / включить</translation>
    </message>
    <message>
        <source>Admins</source>
        <translation>Администраторы</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Должность</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>ФИО</translation>
    </message>
    <message>
        <source>Signatories</source>
        <translation>Подписанты</translation>
    </message>
    <message>
        <source>Organisation:</source>
        <translation>Организация:</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Адрес:</translation>
    </message>
    <message>
        <source>Contacts:</source>
        <translation>Контакты:</translation>
    </message>
    <message>
        <source>Signatories:</source>
        <translation>Подписанты:</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Перезагрузить</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <source>Certificate settings</source>
        <translation>Настройки аттестата</translation>
    </message>
    <message>
        <source>Loaded.</source>
        <translation>Загружено.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Сохранено.</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Журнал аудита</translation>
    </message>
    <message>
        <source>Deletes every session, event, telemetry record and certificate of one candidate (personal data deletion request). This cannot be undone; it is recorded in the audit log.</source>
        <translation>Удаляет все сессии, события, записи телеметрии и аттестаты одного кандидата (по запросу на удаление персональных данных). Это действие необратимо и фиксируется в журнале аудита.</translation>
    </message>
    <message>
        <source>Candidate id (from a session&apos;s details)</source>
        <translation>ID кандидата (из сведений о сессии)</translation>
    </message>
    <message>
        <source>Candidate id to delete</source>
        <translation>ID кандидата для удаления</translation>
    </message>
    <message>
        <source>Delete candidate data…</source>
        <translation>Удалить данные кандидата…</translation>
    </message>
    <message>
        <source>Data deletion</source>
        <translation>Удаление данных</translation>
    </message>
    <message>
        <source>Confirm deletion</source>
        <translation>Подтверждение удаления</translation>
    </message>
    <message>
        <source>This permanently deletes all data of candidate %1.
Type the id again to confirm:</source>
        <translation>Все данные кандидата %1 будут удалены безвозвратно.
Для подтверждения введите ID ещё раз:</translation>
    </message>
    <message>
        <source>The id did not match; nothing was deleted.</source>
        <translation>ID не совпадает; ничего не удалено.</translation>
    </message>
    <message>
        <source>Deleted: %1 sessions, %2 events, %3 telemetry records, %4 certificates.</source>
        <translation>Удалено: сессий — %1, событий — %2, записей телеметрии — %3, аттестатов — %4.</translation>
    </message>
    <message>
        <source>Give %1 the administrator role?</source>
        <translation>Назначить %1 роль администратора?</translation>
    </message>
    <message>
        <source>Give %1 the proctor role?</source>
        <translation>Назначить %1 роль проктора?</translation>
    </message>
    <message>
        <source>Tests</source>
        <translation>Тесты</translation>
    </message>
    <message>
        <source>Emblem…</source>
        <translation>Эмблема…</translation>
    </message>
    <message>
        <source>The image printed at the top of every certificate</source>
        <translation>Изображение в шапке каждого сертификата</translation>
    </message>
    <message>
        <source>Emblem:</source>
        <translation>Эмблема:</translation>
    </message>
    <message>
        <source>Risk settings…</source>
        <translation>Настройки риска…</translation>
    </message>
    <message>
        <source>Points, thresholds and the false-alarm target of the risk assessment</source>
        <translation>Баллы, пороги и целевая доля ложных срабатываний оценки риска</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>Сбросить пароль…</translation>
    </message>
    <message>
        <source>A new random password for the selected account, shown once</source>
        <translation>Новый случайный пароль для выбранной учётной записи, показывается один раз</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>Сброс пароля</translation>
    </message>
    <message>
        <source>Give %1 a new random password? Their current password stops working and every sign-in of the account ends.</source>
        <translation>Выдать %1 новый случайный пароль? Текущий пароль перестанет действовать, все входы этой учётной записи завершатся.</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Новый пароль</translation>
    </message>
    <message>
        <source>The new password of %1 is shown only now: copy it and hand it over safely. They can change it after signing in.</source>
        <translation>Новый пароль %1 показывается только сейчас: скопируйте его и передайте надёжным способом. После входа его можно сменить.</translation>
    </message>
</context>
<context>
    <name>Proctor::Admin::Views::AttemptPolicyDialog</name>
    <message>
        <source>Attempt policy</source>
        <translation>Правила попыток</translation>
    </message>
    <message>
        <source>Access: by personal roster code (set in the test file).</source>
        <translation>Доступ: по личному коду из списка (задаётся в файле теста).</translation>
    </message>
    <message>
        <source>Access: open, candidates type their own name (set in the test file).</source>
        <translation>Доступ: открытый, кандидат сам вводит ФИО (задаётся в файле теста).</translation>
    </message>
    <message>
        <source>Maximum attempts</source>
        <translation>Наибольшее число попыток</translation>
    </message>
    <message>
        <source>Maximum attempts per candidate:</source>
        <translation>Попыток на кандидата, не более:</translation>
    </message>
    <message>
        <source>Minimum time between attempts</source>
        <translation>Наименьший перерыв между попытками</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>минут</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>часов</translation>
    </message>
    <message>
        <source>days</source>
        <translation>дней</translation>
    </message>
    <message>
        <source>Minimum time between attempts:</source>
        <translation>Перерыв между попытками, не менее:</translation>
    </message>
    <message>
        <source>After an attempt the candidate sees:</source>
        <translation>После попытки кандидат видит:</translation>
    </message>
    <message>
        <source>Pass or fail</source>
        <translation>Сдал или нет</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Балл</translation>
    </message>
    <message>
        <source>Review of mistakes</source>
        <translation>Разбор ошибок</translation>
    </message>
    <message>
        <source>Only whether the attempt passed (and the grade when it did). Nothing about single questions, so repeated attempts cannot be used to work out the answer key. Recommended.</source>
        <translation>Только сдан ли тест (и оценку, если сдан). Ничего об отдельных вопросах, поэтому повторными попытками нельзя подобрать правильные ответы. Рекомендуется.</translation>
    </message>
    <message>
        <source>Also the percentage. A score tells how many answers were right, which helps to guess the key over many attempts: keep the attempts few and the pause long.</source>
        <translation>Также процент правильных ответов. Процент говорит, сколько ответов верно, и за много попыток помогает подобрать ключ: давайте мало попыток и длинный перерыв.</translation>
    </message>
    <message>
        <source>Which questions were wrong, but only once the candidate has passed or has no attempts left, so it cannot be used to correct answers between attempts.</source>
        <translation>В каких вопросах ошибки, но только после успешной сдачи или когда попыток не осталось, поэтому исправить ответы между попытками по нему нельзя.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Сохранение…</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Сохранено.</translation>
    </message>
</context>
<context>
    <name>Proctor::Admin::Views::CertificatesView</name>
    <message>
        <source>Revoke…</source>
        <translation>Отозвать…</translation>
    </message>
    <message>
        <source>Revoke the selected certificate (administrators only)</source>
        <translation>Отозвать выбранный аттестат (только администраторы)</translation>
    </message>
    <message>
        <source>Revoke certificate</source>
        <translation>Отзыв аттестата</translation>
    </message>
    <message>
        <source>Select a certificate first.</source>
        <translation>Сначала выберите аттестат.</translation>
    </message>
    <message>
        <source>Certificate %1 is already revoked.</source>
        <translation>Аттестат %1 уже отозван.</translation>
    </message>
    <message>
        <source>Certificate %1 will show as revoked to anyone who verifies it. Reason (up to 500 characters):</source>
        <translation>Аттестат %1 будет показан как отозванный всем, кто его проверяет. Причина (до 500 символов):</translation>
    </message>
    <message>
        <source>The reason must be 1 to 500 characters long.</source>
        <translation>Причина должна содержать от 1 до 500 символов.</translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation>Аттестаты</translation>
    </message>
    <message>
        <source>any year</source>
        <translation>любой год</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Год</translation>
    </message>
    <message>
        <source>any month</source>
        <translation>любой месяц</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Месяц</translation>
    </message>
    <message>
        <source>Newest first</source>
        <translation>Сначала новые</translation>
    </message>
    <message>
        <source>Oldest first</source>
        <translation>Сначала старые</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Порядок</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Применить</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>Год:</translation>
    </message>
    <message>
        <source>Month:</source>
        <translation>Месяц:</translation>
    </message>
    <message>
        <source>Certificate registry</source>
        <translation>Реестр аттестатов</translation>
    </message>
</context>
<context>
    <name>Proctor::Admin::Views::ChangePasswordDialog</name>
    <message>
        <source>Change my password</source>
        <translation>Смена пароля</translation>
    </message>
    <message>
        <source>Your other sign-ins (other computers) end when the password changes; this one stays signed in.</source>
        <translation>При смене пароля другие ваши входы (на других компьютерах) завершатся; этот вход сохранится.</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>Текущий пароль</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Новый пароль</translation>
    </message>
    <message>
        <source>New password again</source>
        <translation>Новый пароль ещё раз</translation>
    </message>
    <message numerus="yes">
        <source>at least %n characters</source>
        <translation>
            <numerusform>не меньше %n символа</numerusform>
            <numerusform>не меньше %n символов</numerusform>
            <numerusform>не меньше %n символов</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Current password:</source>
        <translation>&amp;Текущий пароль:</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>&amp;Новый пароль:</translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation>&amp;Повтор:</translation>
    </message>
    <message>
        <source>Password change message</source>
        <translation>Сообщение о смене пароля</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>Сменить пароль</translation>
    </message>
    <message>
        <source>Enter your current password.</source>
        <translation>Введите текущий пароль.</translation>
    </message>
    <message numerus="yes">
        <source>The new password needs at least %n characters.</source>
        <translation>
            <numerusform>В новом пароле нужно не меньше %n символа.</numerusform>
            <numerusform>В новом пароле нужно не меньше %n символов.</numerusform>
            <numerusform>В новом пароле нужно не меньше %n символов.</numerusform>
        </translation>
    </message>
    <message>
        <source>The new password must differ from the current one.</source>
        <translation>Новый пароль должен отличаться от текущего.</translation>
    </message>
    <message>
        <source>The two new passwords differ.</source>
        <translation>Два введённых новых пароля различаются.</translation>
    </message>
    <message>
        <source>Changing the password…</source>
        <translation>Смена пароля…</translation>
    </message>
    <message>
        <source>The password was changed.</source>
        <translation>Пароль изменён.</translation>
    </message>
</context>
<context>
    <name>Proctor::Admin::Views::CompareView</name>
    <message>
        <source>Warping path lines</source>
        <translation>Линии пути DTW</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Compare sessions&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Сравнение сессий&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>&amp;Question:</source>
        <translation>&amp;Вопрос:</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Вопрос</translation>
    </message>
    <message>
        <source>Quick (local, approximate)</source>
        <translation>Быстро (локально, приближённо)</translation>
    </message>
    <message>
        <source>Exact (local)</source>
        <translation>Точно (локально)</translation>
    </message>
    <message>
        <source>Alignment mode</source>
        <translation>Режим выравнивания</translation>
    </message>
    <message>
        <source>Precise on &amp;server</source>
        <translation>Точно на &amp;сервере</translation>
    </message>
    <message>
        <source>Exact DTW by the server for the reference against each other session</source>
        <translation>Точный DTW на сервере: эталон против каждой из остальных сессий</translation>
    </message>
    <message>
        <source>Pairwise similarity</source>
        <translation>Попарное сходство</translation>
    </message>
    <message>
        <source>Trajectories</source>
        <translation>Траектории</translation>
    </message>
    <message>
        <source>Time per question, s</source>
        <translation>Время на вопрос, с</translation>
    </message>
    <message>
        <source>Latency comparison chart</source>
        <translation>Диаграмма сравнения времени ответов</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Время ответов</translation>
    </message>
    <message>
        <source>Keystroke profiles</source>
        <translation>Профили набора на клавиатуре</translation>
    </message>
    <message>
        <source>Keystrokes</source>
        <translation>Клавиатура</translation>
    </message>
    <message>
        <source>Fingerprints</source>
        <translation>Отпечатки</translation>
    </message>
    <message>
        <source>Select 2 to 6 sessions in Results and press &quot;Compare selected&quot;.</source>
        <translation>Выберите от 2 до 6 сессий в разделе «Результаты» и нажмите «Сравнить выбранные».</translation>
    </message>
    <message numerus="yes">
        <source>Loading %n session(s)…</source>
        <translation>
            <numerusform>Загрузка %n сессии…</numerusform>
            <numerusform>Загрузка %n сессий…</numerusform>
            <numerusform>Загрузка %n сессий…</numerusform>
        </translation>
    </message>
    <message>
        <source>At least two sessions with data are needed (%1 loaded).</source>
        <translation>Нужны как минимум две сессии с данными (загружено: %1).</translation>
    </message>
    <message>
        <source>Comparing %1. The first is the reference the warping paths start from.</source>
        <translation>Сравнение: %1. Первая сессия — эталон, от которого строятся пути DTW.</translation>
    </message>
    <message>
        <source>Computed locally in %1 ms</source>
        <translation>Рассчитано локально за %1 мс</translation>
    </message>
    <message>
        <source>Question (order of appearance)</source>
        <translation>Вопрос (в порядке показа)</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>секунды</translation>
    </message>
    <message>
        <source>Asking the server for the exact DTW…</source>
        <translation>Запрос точного DTW у сервера…</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1, question %2: similarity %3 (distance %4)</source>
        <translation>%1, вопрос %2: сходство %3 (расстояние %4)</translation>
    </message>
    <message>
        <source>Server, exact: %1</source>
        <translation>Сервер, точно: %1</translation>
    </message>
</context>
<context>
    <name>Proctor::Admin::Views::DashboardView</name>
    <message>
        <source>&lt;h2&gt;Dashboard&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Дашборд&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>7 дней</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>30 дней</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>90 дней</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Период</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <source>Completed tests</source>
        <translation>Завершено тестов</translation>
    </message>
    <message>
        <source>Average score</source>
        <translation>Средний балл</translation>
    </message>
    <message>
        <source>Anomalies found</source>
        <translation>Обнаружено аномалий</translation>
    </message>
    <message>
        <source>Unique candidates</source>
        <translation>Уникальных кандидатов</translation>
    </message>
    <message>
        <source>Pass rate</source>
        <translation>Доля сдавших</translation>
    </message>
    <message>
        <source>Completions per day</source>
        <translation>Завершения по дням</translation>
    </message>
    <message>
        <source>Grade distribution</source>
        <translation>Распределение оценок</translation>
    </message>
    <message>
        <source>Violations by type</source>
        <translation>Нарушения по типам</translation>
    </message>
    <message>
        <source>Pass rate per day, %</source>
        <translation>Доля сдавших по дням, %</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Загрузка…</translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation>Обновлено: %1</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Завершено</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>Сдали</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Сессии</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>События</translation>
    </message>
    <message>
        <source>&lt;b&gt;Reviewer precision per risk factor&lt;/b&gt; (confirmed of decided, same period)</source>
        <translation>&lt;b&gt;Точность факторов риска по решениям проверяющих&lt;/b&gt; (подтверждено из решённых, за тот же период)</translation>
    </message>
    <message>
        <source>Reviewer precision per risk factor</source>
        <translation>Точность факторов риска по решениям проверяющих</translation>
    </message>
    <message>
        <source>No risk factor fired in this period.</source>
        <translation>За этот период факторы риска не срабатывали.</translation>
    </message>
</context>
<context>
    <name>Proctor::Admin::Views::DevicesView</name>
    <message>
        <source>Only groups with anomalies</source>
        <translation>Только группы с аномалиями</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Устройства</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <source>Show results of this device</source>
        <translation>Результаты этого устройства</translation>
    </message>
    <message>
        <source>Device groups</source>
        <translation>Группы устройств</translation>
    </message>
    <message>
        <source>&lt;b&gt;Candidates seen on several devices&lt;/b&gt;</source>
        <translation>&lt;b&gt;Кандидаты, замеченные на нескольких устройствах&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Candidates on several devices</source>
        <translation>Кандидаты на нескольких устройствах</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Загрузка…</translation>
    </message>
    <message>
        <source>%1 device groups, %2 with anomalies</source>
        <translation>Групп устройств: %1, с аномалиями: %2</translation>
    </message>
</context>
<context>
    <name>Proctor::Admin::Views::EmblemDialog</name>
    <message>
        <source>Choose image…</source>
        <translation>Выбрать изображение…</translation>
    </message>
    <message>
        <source>Upload</source>
        <translation>Загрузить</translation>
    </message>
    <message>
        <source>Delete emblem</source>
        <translation>Удалить эмблему</translation>
    </message>
    <message>
        <source>Certificate emblem</source>
        <translation>Эмблема сертификата</translation>
    </message>
    <message>
        <source>Emblem preview</source>
        <translation>Просмотр эмблемы</translation>
    </message>
    <message>
        <source>Delete the emblem? Certificates issued from now on print none.</source>
        <translation>Удалить эмблему? Сертификаты, выданные с этого момента, будут без неё.</translation>
    </message>
    <message>
        <source>No emblem</source>
        <translation>Эмблемы нет</translation>
    </message>
    <message>
        <source>This file is not a PNG or JPEG image. Choose a PNG or JPEG file.</source>
        <translation>Этот файл не изображение PNG или JPEG. Выберите файл PNG или JPEG.</translation>
    </message>
    <message>
        <source>The image has too many pixels: at most 1024×1024. Scale it down and try again.</source>
        <translation>Слишком большое изображение: не больше 1024×1024 пикселей. Уменьшите его и попробуйте снова.</translation>
    </message>
    <message>
        <source>No image</source>
        <translation>Нет изображения</translation>
    </message>
    <message>
        <source>Current emblem (%1×%2)</source>
        <translation>Текущая эмблема (%1×%2)</translation>
    </message>
    <message>
        <source>No emblem yet</source>
        <translation>Эмблема ещё не загружена</translation>
    </message>
    <message>
        <source>Choose an emblem</source>
        <translation>Выбор эмблемы</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg);;All files (*)</source>
        <translation>Изображения (*.png *.jpg *.jpeg);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Не удалось прочитать %1: %2</translation>
    </message>
    <message>
        <source>%1 (%2): no preview</source>
        <translation>%1 (%2): просмотр невозможен</translation>
    </message>
    <message>
        <source>%1: %2×%3, %4, not uploaded yet</source>
        <translation>%1: %2×%3, %4, ещё не загружено</translation>
    </message>
    <message>
        <source>Uploading…</source>
        <translation>Загрузка…</translation>
    </message>
    <message>
        <source>Uploaded: %1×%2, %3. Certificates print it from now on.</source>
        <translation>Загружено: %1×%2, %3. С этого момента она печатается на сертификатах.</translation>
    </message>
    <message>
        <source>The emblem was deleted.</source>
        <translation>Эмблема удалена.</translation>
    </message>
    <message>
        <source>The emblem is printed at the top of every certificate. PNG or JPEG, at most %1 and 1024×1024 pixels; a square image of about 300×300 prints best.</source>
        <translation>Эмблема печатается в шапке каждого сертификата. PNG или JPEG, не больше %1 и 1024×1024 пикселей; лучше всего печатается квадрат около 300×300.</translation>
    </message>
    <message>
        <source>The file is too large: the emblem may have at most %1. Save it smaller or as JPEG.</source>
        <translation>Файл слишком большой: эмблема может занимать не больше %1. Сохраните её меньше или в JPEG.</translation>
    </message>
</context>
<context>
    <name>Proctor::Admin::Views::LoginDialog</name>
    <message>
        <source>Sign in to Proctor</source>
        <translation>Вход в Proctor</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Proctor&lt;/h2&gt;Sign in with your proctor or administrator account.</source>
        <translation>&lt;h2&gt;Proctor&lt;/h2&gt;Войдите с учётной записью проктора или администратора.</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Адрес сервера</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Эл. почта</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Пароль</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Сервер:</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>&amp;Эл. почта:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Пароль:</translation>
    </message>
    <message>
        <source>Sign-in message</source>
        <translation>Сообщение о входе</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Войти</translation>
    </message>
    <message>
        <source>The sign-in is kept in memory only (%1): you will sign in again next time.</source>
        <translation>Вход хранится только в памяти (%1): в следующий раз потребуется войти снова.</translation>
    </message>
    <message>
        <source>The sign-in is kept in the system keychain.</source>
        <translation>Вход хранится в системной связке ключей.</translation>
    </message>
    <message>
        <source>Enter the server address, e.g. https://proctor.example.org</source>
        <translation>Введите адрес сервера, например https://proctor.example.org</translation>
    </message>
    <message>
        <source>Enter your email and password.</source>
        <translation>Введите почту и пароль.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Вход…</translation>
    </message>
</context>
<context>
    <name>Proctor::Admin::Views::MainWindow</name>
    <message>
        <source>Proctor — review and administration</source>
        <translation>Proctor — проверка и администрирование</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Дашборд</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Результаты</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Сессия</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Сравнение</translation>
    </message>
    <message>
        <source>Similar</source>
        <translation>Похожие</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Устройства</translation>
    </message>
    <message>
        <source>Abandoned</source>
        <translation>Прерванные</translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation>Аттестаты</translation>
    </message>
    <message>
        <source>Administration</source>
        <translation>Администрирование</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>Разделы</translation>
    </message>
    <message>
        <source>Result saved: session %1, %2 % (%3)</source>
        <translation>Результат сохранён: сессия %1, %2 % (%3)</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>сдан</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>не сдан</translation>
    </message>
    <message>
        <source>Session started: %1 (%2, %3)</source>
        <translation>Сессия начата: %1 (%2, %3)</translation>
    </message>
    <message>
        <source>An API key was revoked</source>
        <translation>API-ключ отозван</translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation>%1 (Ctrl+%2)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Основная</translation>
    </message>
    <message>
        <source>Search candidates, sessions, certificates (Ctrl+K)</source>
        <translation>Поиск кандидатов, сессий, аттестатов (Ctrl+K)</translation>
    </message>
    <message>
        <source>Global search</source>
        <translation>Глобальный поиск</translation>
    </message>
    <message>
        <source>Live updates status</source>
        <translation>Статус онлайн-обновлений</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Уведомления</translation>
    </message>
    <message>
        <source>No notifications</source>
        <translation>Нет уведомлений</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>Export table as &amp;CSV…</source>
        <translation>Экспорт таблицы в &amp;CSV…</translation>
    </message>
    <message>
        <source>Session &amp;PDF report…</source>
        <translation>&amp;PDF-отчёт по сессии…</translation>
    </message>
    <message>
        <source>Clear local &amp;cache…</source>
        <translation>Очистить локальный &amp;кэш…</translation>
    </message>
    <message>
        <source>Clear cache</source>
        <translation>Очистка кэша</translation>
    </message>
    <message numerus="yes">
        <source>Remove the %n cached session(s) from this computer?</source>
        <translation>
            <numerusform>Удалить с этого компьютера %n сессию из кэша?</numerusform>
            <numerusform>Удалить с этого компьютера %n сессии из кэша?</numerusform>
            <numerusform>Удалить с этого компьютера %n сессий из кэша?</numerusform>
        </translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Выйти из &amp;учётной записи</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>Вы&amp;ход</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Обновить</translation>
    </message>
    <message>
        <source>&amp;Light theme</source>
        <translation>&amp;Светлая тема</translation>
    </message>
    <message>
        <source>&amp;Dark theme</source>
        <translation>&amp;Тёмная тема</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Язык</translation>
    </message>
    <message>
        <source>administrator</source>
        <translation>администратор</translation>
    </message>
    <message>
        <source>proctor</source>
        <translation>проктор</translation>
    </message>
    <message>
        <source>This view has no table to export.</source>
        <translation>В этом разделе нет таблицы для экспорта.</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>Экспорт CSV</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) exported to %1</source>
        <translation>
            <numerusform>%n строка экспортирована в %1</numerusform>
            <numerusform>%n строки экспортированы в %1</numerusform>
            <numerusform>%n строк экспортировано в %1</numerusform>
        </translation>
    </message>
    <message>
        <source> (only the rows loaded so far)</source>
        <translation> (только уже загруженные строки)</translation>
    </message>
    <message>
        <source>Signed out.</source>
        <translation>Вы вышли из учётной записи.</translation>
    </message>
    <message>
        <source>Alerts %1</source>
        <translation>Уведомления %1</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Уведомления</translation>
    </message>
    <message numerus="yes">
        <source>%n unread notification(s)</source>
        <translation>
            <numerusform>%n непрочитанное уведомление</numerusform>
            <numerusform>%n непрочитанных уведомления</numerusform>
            <numerusform>%n непрочитанных уведомлений</numerusform>
        </translation>
    </message>
    <message>
        <source>Live: connected</source>
        <translation>Онлайн: подключено</translation>
    </message>
    <message>
        <source>Live: connecting…</source>
        <translation>Онлайн: подключение…</translation>
    </message>
    <message>
        <source>Live: reconnecting…</source>
        <translation>Онлайн: переподключение…</translation>
    </message>
    <message>
        <source>Live: off</source>
        <translation>Онлайн: выкл.</translation>
    </message>
    <message>
        <source>Sign-in kept in memory only: %1</source>
        <translation>Вход хранится только в памяти: %1</translation>
    </message>
    <message>
        <source>Sign-in kept in the system keychain</source>
        <translation>Вход хранится в системной связке ключей</translation>
    </message>
    <message numerus="yes">
        <source>Cache: %n session(s), %1 MB</source>
        <translation>
            <numerusform>Кэш: %n сессия, %1 МБ</numerusform>
            <numerusform>Кэш: %n сессии, %1 МБ</numerusform>
            <numerusform>Кэш: %n сессий, %1 МБ</numerusform>
        </translation>
    </message>
    <message>
        <source>study</source>
        <translation>обучение</translation>
    </message>
    <message>
        <source>test</source>
        <translation>тест</translation>
    </message>
    <message>
        <source>Candidate #%1 was deleted with all their sessions</source>
        <translation>Кандидат №%1 удалён вместе со всеми его сессиями</translation>
    </message>
    <message>
        <source>Sign-in throttled: %1 failed attempts from %2; the next attempt waits %3 s</source>
        <translation>Вход замедлен: неудачных попыток с адреса %2: %1; следующая попытка — через %3 с</translation>
    </message>
    <message>
        <source>Sign-in throttled: %1 failed attempts for %2 from %3; the next attempt waits %4 s</source>
        <translation>Вход замедлен: неудачных попыток входа в %2 с адреса %3: %1; следующая попытка — через %4 с</translation>
    </message>
    <message>
        <source>Session %1: %2</source>
        <translation>Сессия %1: %2</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Экспорт…</translation>
    </message>
    <message>
        <source>Exported %1 to %2</source>
        <translation>Выгружено %1 в %2</translation>
    </message>
    <message>
        <source>No unreviewed session left in the results list.</source>
        <translation>В списке результатов не осталось непроверенных сессий.</translation>
    </message>
    <message>
        <source>Proctor</source>
        <translation>Proctor</translation>
    </message>
    <message>
        <source>Session %1: risk rose to high (%2)</source>
        <translation>Сеанс %1: риск вырос до высокого (%2)</translation>
    </message>
    <message>
        <source>Sign &amp;in…</source>
        <translation>&amp;Войти…</translation>
    </message>
    <message>
        <source>Not signed in. Use File &gt; Sign in to sign in.</source>
        <translation>Вход не выполнен. Войти: Файл &gt; Войти.</translation>
    </message>
    <message>
        <source>Change my &amp;password…</source>
        <translation>Сменить &amp;пароль…</translation>
    </message>
    <message numerus="yes">
        <source>Your password was changed; %n other sign-in(s) ended.</source>
        <translation>
            <numerusform>Пароль изменён; завершён %n другой вход.</numerusform>
            <numerusform>Пароль изменён; завершено %n других входа.</numerusform>
            <numerusform>Пароль изменён; завершено %n других входов.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Proctor::Admin::Views::ResultsView</name>
    <message>
        <source>Dates</source>
        <translation>Даты</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Results&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Результаты&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Name, certificate or session…</source>
        <translation>ФИО, аттестат или сессия…</translation>
    </message>
    <message>
        <source>Search by name</source>
        <translation>Поиск по имени</translation>
    </message>
    <message>
        <source>Test filter</source>
        <translation>Фильтр по тесту</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>Дата с</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>Дата по</translation>
    </message>
    <message>
        <source>All outcomes</source>
        <translation>Все результаты</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>Сдали</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Не сдали</translation>
    </message>
    <message>
        <source>Outcome filter</source>
        <translation>Фильтр по результату</translation>
    </message>
    <message>
        <source>Any risk</source>
        <translation>Любой риск</translation>
    </message>
    <message>
        <source>High risk</source>
        <translation>Высокий риск</translation>
    </message>
    <message>
        <source>Medium risk</source>
        <translation>Средний риск</translation>
    </message>
    <message>
        <source>Low risk</source>
        <translation>Низкий риск</translation>
    </message>
    <message>
        <source>Risk filter</source>
        <translation>Фильтр по риску</translation>
    </message>
    <message>
        <source>Device group (hash)</source>
        <translation>Группа устройств (хеш)</translation>
    </message>
    <message>
        <source>Device group filter</source>
        <translation>Фильтр по группе устройств</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Применить</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Сбросить</translation>
    </message>
    <message>
        <source>Results table</source>
        <translation>Таблица результатов</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Открыть</translation>
    </message>
    <message>
        <source>&amp;Compare selected</source>
        <translation>&amp;Сравнить выбранные</translation>
    </message>
    <message>
        <source>Find &amp;similar</source>
        <translation>Найти &amp;похожие</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Экспорт CSV…</translation>
    </message>
    <message>
        <source>Open the selected session (Enter)</source>
        <translation>Открыть выбранную сессию (Enter)</translation>
    </message>
    <message>
        <source>Compare 2 to 6 selected sessions</source>
        <translation>Сравнить от 2 до 6 выбранных сессий</translation>
    </message>
    <message>
        <source>Select 2 to 6 sessions to compare (Ctrl+click).</source>
        <translation>Выберите от 2 до 6 сессий для сравнения (Ctrl+щелчок).</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Загрузка…</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s) loaded</source>
        <translation>
            <numerusform>Загружена %n сессия</numerusform>
            <numerusform>Загружено %n сессии</numerusform>
            <numerusform>Загружено %n сессий</numerusform>
        </translation>
    </message>
    <message>
        <source>; scroll down for more</source>
        <translation>; прокрутите вниз, чтобы загрузить ещё</translation>
    </message>
    <message numerus="yes">
        <source>; %n selected</source>
        <translation>
            <numerusform>; выбрана %n</numerusform>
            <numerusform>; выбраны %n</numerusform>
            <numerusform>; выбрано %n</numerusform>
        </translation>
    </message>
    <message>
        <source>All tests</source>
        <translation>Все тесты</translation>
    </message>
    <message>
        <source>Medium or higher</source>
        <translation>Средний и выше</translation>
    </message>
    <message>
        <source>Any review state</source>
        <translation>Любое решение</translation>
    </message>
    <message>
        <source>Unreviewed</source>
        <translation>Не проверена</translation>
    </message>
    <message>
        <source>Second look</source>
        <translation>Повторная проверка</translation>
    </message>
    <message>
        <source>Open (unreviewed or second look)</source>
        <translation>Открытые (не проверены или повторно)</translation>
    </message>
    <message>
        <source>Violation</source>
        <translation>Нарушение</translation>
    </message>
    <message>
        <source>Cleared</source>
        <translation>Нарушений нет</translation>
    </message>
    <message>
        <source>Review state filter</source>
        <translation>Фильтр по решению</translation>
    </message>
</context>
<context>
    <name>Proctor::Admin::Views::RiskSettingsDialog</name>
    <message>
        <source> points</source>
        <translation> балл.</translation>
    </message>
    <message>
        <source> s</source>
        <translation> с</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> мс</translation>
    </message>
    <message>
        <source> of 100</source>
        <translation> из 100</translation>
    </message>
    <message>
        <source>Target false-alarm rate</source>
        <translation>Целевая доля ложных срабатываний</translation>
    </message>
    <message>
        <source>Risk settings</source>
        <translation>Настройки риска</translation>
    </message>
    <message>
        <source>A factor adds its points to a session&apos;s risk score (at most 100) when its threshold is exceeded. Saving re-assesses every session in the background.</source>
        <translation>Фактор добавляет свои баллы к оценке риска сессии (не больше 100), когда его порог превышен. После сохранения все сессии переоцениваются в фоне.</translation>
    </message>
    <message>
        <source>Points per factor</source>
        <translation>Баллы за фактор</translation>
    </message>
    <message>
        <source>Levels and thresholds</source>
        <translation>Уровни и пороги</translation>
    </message>
    <message>
        <source>Cross-session factors fire only when a match this close would flag at most this share of honest sessions</source>
        <translation>Факторы сравнения сессий срабатывают, только если такое близкое совпадение отметило бы не больше этой доли честных сессий</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <source>The defaults are in force (never changed).</source>
        <translation>Действуют значения по умолчанию (не менялись).</translation>
    </message>
    <message>
        <source>Version %1, changed %2</source>
        <translation>Версия %1, изменена %2</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Загрузка…</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Сохранение…</translation>
    </message>
    <message>
        <source>Must be above the medium level.</source>
        <translation>Должен быть выше среднего уровня.</translation>
    </message>
    <message>
        <source>The server did not accept this value.</source>
        <translation>Сервер не принял это значение.</translation>
    </message>
    <message>
        <source>Not saved: check “%1”.</source>
        <translation>Не сохранено: проверьте «%1».</translation>
    </message>
    <message numerus="yes">
        <source>Saved. %n session(s) queued for re-assessment.</source>
        <translation>
            <numerusform>Сохранено. %n сессия поставлена в очередь на переоценку.</numerusform>
            <numerusform>Сохранено. %n сессии поставлены в очередь на переоценку.</numerusform>
            <numerusform>Сохранено. %n сессий поставлено в очередь на переоценку.</numerusform>
        </translation>
    </message>
    <message>
        <source>Too many focus losses</source>
        <translation>Много потерь фокуса</translation>
    </message>
    <message>
        <source>Too long away from the test</source>
        <translation>Долгое отсутствие</translation>
    </message>
    <message>
        <source>Print or screenshot attempts</source>
        <translation>Попытки печати или скриншота</translation>
    </message>
    <message>
        <source>Copy, cut or paste attempts</source>
        <translation>Попытки копирования, вырезания или вставки</translation>
    </message>
    <message>
        <source>Full screen left</source>
        <translation>Выход из полноэкранного режима</translation>
    </message>
    <message>
        <source>Events after the finish</source>
        <translation>События после завершения</translation>
    </message>
    <message>
        <source>Over the time limit</source>
        <translation>Превышение лимита времени</translation>
    </message>
    <message>
        <source>Mouse movements like another candidate&apos;s</source>
        <translation>Движения мыши как у другого кандидата</translation>
    </message>
    <message>
        <source>Typing like another candidate</source>
        <translation>Набор текста как у другого кандидата</translation>
    </message>
    <message>
        <source>High score without study, very fast</source>
        <translation>Высокий балл без обучения и очень быстро</translation>
    </message>
    <message>
        <source>Correct answers faster than reading</source>
        <translation>Верные ответы быстрее чтения</translation>
    </message>
    <message>
        <source>Attempt faster than reading</source>
        <translation>Попытка быстрее чтения</translation>
    </message>
    <message>
        <source>Burst of short attempts</source>
        <translation>Серия коротких попыток</translation>
    </message>
    <message>
        <source>Medium risk from</source>
        <translation>Средний риск от</translation>
    </message>
    <message>
        <source>High risk from</source>
        <translation>Высокий риск от</translation>
    </message>
    <message>
        <source>Focus losses allowed</source>
        <translation>Допустимо потерь фокуса</translation>
    </message>
    <message>
        <source>Time away allowed</source>
        <translation>Допустимое время отсутствия</translation>
    </message>
    <message>
        <source>Print or screenshot attempts allowed</source>
        <translation>Допустимо попыток печати или скриншота</translation>
    </message>
    <message>
        <source>Clipboard attempts allowed</source>
        <translation>Допустимо попыток с буфером обмена</translation>
    </message>
    <message>
        <source>Full-screen exits allowed</source>
        <translation>Допустимо выходов из полноэкранного режима</translation>
    </message>
    <message>
        <source>Grace over the time limit</source>
        <translation>Допуск сверх лимита времени</translation>
    </message>
    <message>
        <source>Mouse similarity considered from</source>
        <translation>Сходство мыши учитывается от</translation>
    </message>
    <message>
        <source>Same-typist score considered from</source>
        <translation>Сходство набора учитывается от</translation>
    </message>
    <message>
        <source>High score from</source>
        <translation>Высокий балл от</translation>
    </message>
    <message>
        <source>Study time expected at least</source>
        <translation>Ожидаемое время обучения не меньше</translation>
    </message>
    <message>
        <source>Fast attempt: time per question under</source>
        <translation>Быстрая попытка: на вопрос меньше</translation>
    </message>
    <message>
        <source>Reading floor per question</source>
        <translation>Минимум чтения на вопрос</translation>
    </message>
    <message>
        <source>Reading floor per character</source>
        <translation>Минимум чтения на символ</translation>
    </message>
    <message>
        <source>Fast correct answers needed</source>
        <translation>Нужно быстрых верных ответов</translation>
    </message>
    <message>
        <source>Burst window</source>
        <translation>Окно серии</translation>
    </message>
    <message>
        <source>Short attempt under</source>
        <translation>Короткая попытка — меньше</translation>
    </message>
    <message>
        <source>Near-empty attempt: answered at most</source>
        <translation>Почти пустая попытка: отвечено не больше</translation>
    </message>
    <message>
        <source>Attempts that make a burst</source>
        <translation>Попыток для серии</translation>
    </message>
    <message>
        <source>Attempts through one page key that make a burst</source>
        <translation>Попыток через один ключ страницы для серии</translation>
    </message>
</context>
<context>
    <name>Proctor::Admin::Views::RosterDialog</name>
    <message>
        <source>Codes valid until</source>
        <translation>Коды действуют до</translation>
    </message>
    <message>
        <source>New code…</source>
        <translation>Новый код…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Удалить…</translation>
    </message>
    <message>
        <source>Copy code</source>
        <translation>Копировать код</translation>
    </message>
    <message>
        <source>Save codes as CSV…</source>
        <translation>Сохранить коды в CSV…</translation>
    </message>
    <message>
        <source>Print sheet (PDF)…</source>
        <translation>Лист для печати (PDF)…</translation>
    </message>
    <message>
        <source>Roster: %1</source>
        <translation>Список: %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Access codes are shown only once&lt;/b&gt;, right after they are issued (import or new code). The server keeps only a fingerprint of each code and cannot show it again. Save the new codes as CSV or print the sheet before you close this window; a lost code can only be replaced by a new one.</source>
        <translation>&lt;b&gt;Коды доступа показываются только один раз&lt;/b&gt; — сразу после выдачи (импорт или новый код). Сервер хранит лишь отпечаток кода и показать его снова не может. Сохраните новые коды в CSV или распечатайте лист до закрытия этого окна; утерянный код можно только заменить новым.</translation>
    </message>
    <message>
        <source>Import CSV…</source>
        <translation>Импорт CSV…</translation>
    </message>
    <message>
        <source>Columns: last name, first name, middle name, position, email, employee no. (the last four optional), separated by ; or ,. People already listed (same employee no. or email) are updated and keep their codes.</source>
        <translation>Столбцы: фамилия, имя, отчество, должность, e-mail, табельный номер (последние четыре необязательны), через ; или ,. Уже внесённые люди (тот же табельный номер или e-mail) обновляются и сохраняют свои коды.</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Перезагрузить</translation>
    </message>
    <message>
        <source>Roster</source>
        <translation>Список</translation>
    </message>
    <message>
        <source>Code %1 copied to the clipboard.</source>
        <translation>Код %1 скопирован в буфер обмена.</translation>
    </message>
    <message>
        <source>No codes were issued in this window yet.</source>
        <translation>В этом окне коды ещё не выдавались.</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%n new code(s) issued in this window, not saved yet.&lt;/b&gt;</source>
        <translation>
            <numerusform>&lt;b&gt;В этом окне выдан %n новый код, он ещё не сохранён.&lt;/b&gt;</numerusform>
            <numerusform>&lt;b&gt;В этом окне выдано %n новых кода, они ещё не сохранены.&lt;/b&gt;</numerusform>
            <numerusform>&lt;b&gt;В этом окне выдано %n новых кодов, они ещё не сохранены.&lt;/b&gt;</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new code(s) issued in this window, saved.</source>
        <translation>
            <numerusform>В этом окне выдан %n новый код, сохранён.</numerusform>
            <numerusform>В этом окне выдано %n новых кода, сохранены.</numerusform>
            <numerusform>В этом окне выдано %n новых кодов, сохранены.</numerusform>
        </translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Импорт…</translation>
    </message>
    <message>
        <source>Nothing was imported. The file has an error: %1</source>
        <translation>Ничего не импортировано. Ошибка в файле: %1</translation>
    </message>
    <message>
        <source>Imported: %1 new, %2 updated.</source>
        <translation>Импортировано: новых %1, обновлено %2.</translation>
    </message>
    <message numerus="yes">
        <source>%n new code(s) are shown in the table: save or print them now.</source>
        <translation>
            <numerusform>%n новый код показан в таблице: сохраните или распечатайте его сейчас.</numerusform>
            <numerusform>%n новых кода показаны в таблице: сохраните или распечатайте их сейчас.</numerusform>
            <numerusform>%n новых кодов показаны в таблице: сохраните или распечатайте их сейчас.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n updated person(s) keep the code they already have.</source>
        <translation>
            <numerusform>%n обновлённый человек сохраняет свой код.</numerusform>
            <numerusform>%n обновлённых человека сохраняют свои коды.</numerusform>
            <numerusform>%n обновлённых человек сохраняют свои коды.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Не удалось прочитать %1: %2</translation>
    </message>
    <message>
        <source>Import roster</source>
        <translation>Импорт списка</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>Файлы CSV (*.csv *.txt);;Все файлы (*)</translation>
    </message>
    <message>
        <source>New code for %1: %2. The old code no longer works. Copy it, or save or print the codes, before closing this window.</source>
        <translation>Новый код для %1: %2. Старый код больше не действует. Скопируйте его или сохраните либо распечатайте коды до закрытия этого окна.</translation>
    </message>
    <message>
        <source>New access code</source>
        <translation>Новый код доступа</translation>
    </message>
    <message>
        <source>Issue a new code for %1? The current code stops working at once.</source>
        <translation>Выдать новый код для %1? Текущий код сразу перестанет действовать.</translation>
    </message>
    <message>
        <source>%1 was removed from the roster; their code no longer works.</source>
        <translation>%1 удалён(а) из списка; код больше не действует.</translation>
    </message>
    <message>
        <source>Remove from roster</source>
        <translation>Удаление из списка</translation>
    </message>
    <message>
        <source>Remove %1 from the roster? Their code stops working at once.</source>
        <translation>Удалить %1 из списка? Код сразу перестанет действовать.</translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation>Не удалось сохранить %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n code(s) saved to %1.</source>
        <translation>
            <numerusform>%n код сохранён в %1.</numerusform>
            <numerusform>%n кода сохранены в %1.</numerusform>
            <numerusform>%n кодов сохранены в %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sheet with %n code(s) saved to %1.</source>
        <translation>
            <numerusform>Лист с %n кодом сохранён в %1.</numerusform>
            <numerusform>Лист с %n кодами сохранён в %1.</numerusform>
            <numerusform>Лист с %n кодами сохранён в %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Print sheet (PDF)</source>
        <translation>Лист для печати (PDF)</translation>
    </message>
    <message>
        <source>Save codes as CSV</source>
        <translation>Сохранить коды в CSV</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Файлы PDF (*.pdf)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Файлы CSV (*.csv)</translation>
    </message>
    <message>
        <source>Unsaved access codes</source>
        <translation>Несохранённые коды доступа</translation>
    </message>
    <message numerus="yes">
        <source>%n code(s) issued in this window were not saved or printed. They cannot be shown again. Close anyway?</source>
        <translation>
            <numerusform>%n код, выданный в этом окне, не сохранён и не распечатан. Показать его снова будет нельзя. Всё равно закрыть?</numerusform>
            <numerusform>%n кода, выданные в этом окне, не сохранены и не распечатаны. Показать их снова будет нельзя. Всё равно закрыть?</numerusform>
            <numerusform>%n кодов, выданных в этом окне, не сохранены и не распечатаны. Показать их снова будет нельзя. Всё равно закрыть?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Proctor::Admin::Views::SessionView</name>
    <message>
        <source>&lt;h2&gt;Session&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Сессия&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <source>PDF report…</source>
        <translation>PDF-отчёт…</translation>
    </message>
    <message>
        <source>Find similar</source>
        <translation>Найти похожие</translation>
    </message>
    <message>
        <source>&lt;b&gt;Timeline&lt;/b&gt; (Ctrl+wheel or +/− to zoom; arrows move between events)</source>
        <translation>&lt;b&gt;Лента событий&lt;/b&gt; (Ctrl+колесо или +/− — масштаб; стрелки — переход между событиями)</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Увеличить</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Уменьшить</translation>
    </message>
    <message>
        <source>Fit the whole session</source>
        <translation>Показать всю сессию</translation>
    </message>
    <message>
        <source>Risk factors</source>
        <translation>Факторы риска</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>Ответы</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>События</translation>
    </message>
    <message>
        <source>Time per question, s</source>
        <translation>Время на вопрос, с</translation>
    </message>
    <message>
        <source>Per-question latency chart</source>
        <translation>Диаграмма времени ответа по вопросам</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Время ответов</translation>
    </message>
    <message>
        <source>Offline: showing the cached copy (%1)</source>
        <translation>Нет связи: показана копия из кэша (%1)</translation>
    </message>
    <message>
        <source>Open a session from Results (double-click or Enter).</source>
        <translation>Откройте сессию в разделе «Результаты» (двойной щелчок или Enter).</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Загрузка…</translation>
    </message>
    <message>
        <source>not finished</source>
        <translation>не завершена</translation>
    </message>
    <message>
        <source>%1 of %2 correct; %3; grade %4</source>
        <translation>Верно %1 из %2; %3; оценка: %4</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>сдан</translation>
    </message>
    <message>
        <source>not passed</source>
        <translation>не сдан</translation>
    </message>
    <message>
        <source>from the local cache</source>
        <translation>из локального кэша</translation>
    </message>
    <message>
        <source>from the server</source>
        <translation>с сервера</translation>
    </message>
    <message>
        <source> · updating…</source>
        <translation> · обновление…</translation>
    </message>
    <message>
        <source>no certificate</source>
        <translation>нет аттестата</translation>
    </message>
    <message>
        <source>certificate %1</source>
        <translation>аттестат %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Risk: &lt;span style=&apos;color:%1&apos;&gt;%2 (%3 of 100)&lt;/span&gt;&lt;/b&gt;%4 — select a reason to see its events</source>
        <translation>&lt;b&gt;Риск: &lt;span style=&apos;color:%1&apos;&gt;%2 (%3 из 100)&lt;/span&gt;&lt;/b&gt;%4 — выберите причину, чтобы увидеть её события</translation>
    </message>
    <message>
        <source> (computed locally)</source>
        <translation> (рассчитано локально)</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) after finish</source>
        <translation>
            <numerusform>%n событие после завершения</numerusform>
            <numerusform>%n события после завершения</numerusform>
            <numerusform>%n событий после завершения</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;Violations&lt;/b&gt;: %1</source>
        <translation>&lt;b&gt;Нарушения&lt;/b&gt;: %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>Correct</source>
        <translation>Верно</translation>
    </message>
    <message>
        <source>Wrong</source>
        <translation>Неверно</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Вопрос</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>секунды</translation>
    </message>
    <message>
        <source>Save PDF report</source>
        <translation>Сохранить PDF-отчёт</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Question %1, normalised (centred, scaled to its size)</source>
        <translation>Вопрос %1, нормировано (по центру, в масштабе своего размера)</translation>
    </message>
    <message>
        <source>PDF report saved to %1</source>
        <translation>PDF-отчёт сохранён в %1</translation>
    </message>
    <message>
        <source>finished %1</source>
        <translation>окончание: %1</translation>
    </message>
    <message>
        <source>%1 · %2&lt;br&gt;Started %3, %4 (%5) · IP %6 · device …%7&lt;br&gt;Session %8</source>
        <translation>%1 · %2&lt;br&gt;Начало: %3, %4 (%5) · IP %6 · устройство …%7&lt;br&gt;Сессия %8</translation>
    </message>
    <message>
        <source>finished %1, &lt;b&gt;%2 s after the time limit&lt;/b&gt;</source>
        <translation>окончание: %1, &lt;b&gt;на %2 с позже лимита времени&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Session deleted&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Сессия удалена&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>The candidate of session %1 was deleted with all their data; nothing of it is kept on this computer.</source>
        <translation>Кандидат сессии %1 удалён вместе со всеми его данными; на этом компьютере от неё ничего не хранится.</translation>
    </message>
    <message>
        <source>abandoned</source>
        <translation>прервана</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>идёт</translation>
    </message>
    <message>
        <source>Candidate data…</source>
        <translation>Данные кандидата…</translation>
    </message>
    <message>
        <source>Save everything stored about this candidate as one JSON file (a subject-access request; administrators only)</source>
        <translation>Сохранить всё, что хранится об этом кандидате, одним файлом JSON (запрос субъекта персональных данных; только для администраторов)</translation>
    </message>
    <message>
        <source>Save candidate data</source>
        <translation>Сохранить данные кандидата</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Exporting the candidate&apos;s data…</source>
        <translation>Выгрузка данных кандидата…</translation>
    </message>
    <message>
        <source>Candidate data (%1) saved to %2</source>
        <translation>Данные кандидата (%1) сохранены в %2</translation>
    </message>
    <message>
        <source>Related sessions (double-click to open):</source>
        <translation>Связанные сессии (двойной щелчок — открыть):</translation>
    </message>
    <message>
        <source>Related sessions</source>
        <translation>Связанные сессии</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Session %1</source>
        <translation>Сессия %1</translation>
    </message>
</context>
<context>
    <name>Proctor::Admin::Views::SimilarView</name>
    <message>
        <source>Similar sessions</source>
        <translation>Похожие сессии</translation>
    </message>
    <message>
        <source>Top-k sessions whose mouse movements are closest to this one&apos;s (exact DTW on the server, over the whole population).</source>
        <translation>k сессий, движения мыши в которых ближе всего к этой (точный DTW на сервере по всем сессиям).</translation>
    </message>
    <message>
        <source>Session id</source>
        <translation>ID сессии</translation>
    </message>
    <message>
        <source>Question id (optional)</source>
        <translation>ID вопроса (необязательно)</translation>
    </message>
    <message>
        <source>Question id</source>
        <translation>ID вопроса</translation>
    </message>
    <message>
        <source>k = </source>
        <translation>k = </translation>
    </message>
    <message>
        <source>Number of matches</source>
        <translation>Количество совпадений</translation>
    </message>
    <message>
        <source>Find (precise on server)</source>
        <translation>Найти (точно на сервере)</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <source>Compare with this session</source>
        <translation>Сравнить с этой сессией</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Поиск…</translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n совпадение</numerusform>
            <numerusform>%n совпадения</numerusform>
            <numerusform>%n совпадений</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Proctor::Admin::Views::TestsPanel</name>
    <message>
        <source>Tests</source>
        <translation>Тесты</translation>
    </message>
    <message>
        <source>Attempt policy…</source>
        <translation>Правила попыток…</translation>
    </message>
    <message>
        <source>Roster and access codes…</source>
        <translation>Список и коды доступа…</translation>
    </message>
    <message>
        <source>Tests are added on the server (import-test). Here you set how often a candidate may try a test and what a result tells them, and manage the people of tests that open only with a personal access code.</source>
        <translation>Тесты добавляются на сервере (import-test). Здесь задаётся, сколько раз кандидат может проходить тест и что он узнаёт о результате, и ведутся списки людей для тестов, открываемых только по личному коду.</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Перезагрузить</translation>
    </message>
    <message>
        <source>Attempt policy saved.</source>
        <translation>Правила попыток сохранены.</translation>
    </message>
</context>
<context>
    <name>Proctor::Admin::Widgets::ReviewPanel</name>
    <message>
        <source>Revoke the certificate?</source>
        <translation>Отозвать сертификат?</translation>
    </message>
    <message>
        <source>The violation is confirmed. Revoke certificate %1 as well?</source>
        <translation>Нарушение подтверждено. Отозвать также сертификат %1?</translation>
    </message>
    <message>
        <source>Decision:</source>
        <translation>Решение:</translation>
    </message>
    <message>
        <source>&amp;Cleared (C)</source>
        <translation>&amp;Нарушений нет (C)</translation>
    </message>
    <message>
        <source>&amp;Violation (V)</source>
        <translation>Наруш&amp;ение (V)</translation>
    </message>
    <message>
        <source>&amp;Second look (S)</source>
        <translation>&amp;Повторно (S)</translation>
    </message>
    <message>
        <source>&amp;Undo (U)</source>
        <translation>&amp;Отменить (U)</translation>
    </message>
    <message>
        <source>&amp;Next unreviewed (N)</source>
        <translation>&amp;Следующая (N)</translation>
    </message>
    <message>
        <source>Nothing wrong: the case is closed</source>
        <translation>Нарушений нет: случай закрыт</translation>
    </message>
    <message>
        <source>A violation is confirmed; admins may revoke the certificate</source>
        <translation>Нарушение подтверждено; администратор может отозвать сертификат</translation>
    </message>
    <message>
        <source>Needs another reviewer&apos;s look</source>
        <translation>Нужен взгляд другого проверяющего</translation>
    </message>
    <message>
        <source>Back to unreviewed</source>
        <translation>Вернуть в непроверенные</translation>
    </message>
    <message>
        <source>Open the next unreviewed session in the order of the results list</source>
        <translation>Открыть следующую непроверенную сессию в порядке списка результатов</translation>
    </message>
    <message>
        <source>Comment for the decision (optional)</source>
        <translation>Комментарий к решению (необязательно)</translation>
    </message>
    <message>
        <source>Decision comment</source>
        <translation>Комментарий к решению</translation>
    </message>
    <message>
        <source>Decision history</source>
        <translation>История решений</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>Decision saved.</source>
        <translation>Решение сохранено.</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>certificate %1 revoked</source>
        <translation>сертификат %1 отозван</translation>
    </message>
    <message>
        <source>No decision yet.</source>
        <translation>Решений ещё нет.</translation>
    </message>
</context>
<context>
    <name>Proctor::Admin::Widgets::StatCard</name>
    <message>
        <source>no data for the previous week</source>
        <translation>нет данных за прошлую неделю</translation>
    </message>
    <message>
        <source>%1 %2 % vs previous week</source>
        <translation>%1 %2 % к прошлой неделе</translation>
    </message>
</context>
<context>
    <name>Proctor::Admin::Widgets::TimelineWidget</name>
    <message>
        <source>Event timeline</source>
        <translation>Лента событий</translation>
    </message>
    <message>
        <source>Arrow keys move between events, plus and minus zoom, 0 fits the session.</source>
        <translation>Стрелки — переход между событиями, плюс и минус — масштаб, 0 — вся сессия.</translation>
    </message>
    <message>
        <source>No events</source>
        <translation>Нет событий</translation>
    </message>
    <message>
        <source>gap %1 min</source>
        <translation>пауза %1 мин</translation>
    </message>
</context>
<context>
    <name>Proctor::Admin::Widgets::TrajectoryOverlayWidget</name>
    <message>
        <source>Mouse trajectory overlay</source>
        <translation>Наложение траекторий мыши</translation>
    </message>
    <message>
        <source>%1 vs %2: similarity %3</source>
        <translation>%1 и %2: сходство %3</translation>
    </message>
    <message>
        <source>No mouse trajectory for this question</source>
        <translation>Нет траектории мыши для этого вопроса</translation>
    </message>
    <message>
        <source> (reference)</source>
        <translation> (эталон)</translation>
    </message>
    <message>
        <source>: similarity %1%2</source>
        <translation>: сходство %1%2</translation>
    </message>
    <message>
        <source> (approx.)</source>
        <translation> (приближённо)</translation>
    </message>
</context>
<context>
    <name>RosterCodesExport</name>
    <message>
        <source>Last name</source>
        <translation>Фамилия</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Middle name</source>
        <translation>Отчество</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Должность</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Эл. почта</translation>
    </message>
    <message>
        <source>Employee no.</source>
        <translation>Табельный номер</translation>
    </message>
    <message>
        <source>Access code</source>
        <translation>Код доступа</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Действует до</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Тест</translation>
    </message>
    <message>
        <source>Start address</source>
        <translation>Адрес для начала</translation>
    </message>
    <message>
        <source>Test:</source>
        <translation>Тест:</translation>
    </message>
    <message>
        <source>Personal access code:</source>
        <translation>Личный код доступа:</translation>
    </message>
    <message>
        <source>valid until %1</source>
        <translation>действует до %1</translation>
    </message>
    <message>
        <source>Start at:</source>
        <translation>Начать здесь:</translation>
    </message>
    <message>
        <source>Open the address, choose the test and enter the code. The code is personal: do not pass it on. Letter case, spaces and dashes do not matter.</source>
        <translation>Откройте адрес, выберите тест и введите код. Код личный: не передавайте его другим. Регистр букв, пробелы и дефисы не важны.</translation>
    </message>
    <message>
        <source>Access codes: %1</source>
        <translation>Коды доступа: %1</translation>
    </message>
    <message>
        <source>The PDF could not be written to %1.</source>
        <translation>Не удалось записать PDF в %1.</translation>
    </message>
</context>
</TS>
