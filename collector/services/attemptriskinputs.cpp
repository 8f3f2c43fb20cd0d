// SPDX-License-Identifier: MIT
#include "services/attemptriskinputs.h"

#include <algorithm>

#include "storage/assessmentrepository.h"

namespace Proctor::Collector::Services::AttemptRiskInputs {

namespace Repo = Storage::AssessmentRepository;

void fill(pqxx::connection &c, const QUuid &sessionId, const Analysis::RiskConfig &config,
          Analysis::RiskInput &input)
{
    const auto facts = Repo::attemptFacts(c, sessionId);
    if (!facts || facts->kind != QLatin1String("test"))
        return; // study sessions have no attempt to judge
    input.finished = facts->finished;
    input.closed = facts->closed;
    input.scorePercent = facts->scorePercent;
    input.attemptSeconds = facts->closed ? facts->attemptSeconds : 0.0;
    input.studySeconds = facts->studySeconds;
    input.questionCount = std::size_t(facts->questionIds.size());
    input.answeredCount = std::size_t(facts->answers.size());
    if (facts->finished) {
        const auto questions = Repo::questionFacts(c, facts->testId);
        for (const QString &q : facts->questionIds) {
            Analysis::AnswerTiming a;
            a.questionId = q.toStdString();
            a.latencyMs = facts->latencies.value(q, -1.0);
            const auto answer = facts->answers.constFind(q);
            a.answered = answer != facts->answers.cend() && !answer->isEmpty();
            const auto known = questions.constFind(q);
            if (known != questions.cend()) {
                a.textChars = known->textChars;
                if (a.answered) {
                    QStringList chosen = *answer, correct = known->correct;
                    chosen.sort();
                    chosen.removeDuplicates();
                    correct.sort();
                    a.correct = chosen == correct; // as scoring: the chosen set equals the correct set
                }
            }
            input.answers.push_back(std::move(a));
        }
    }
    if (facts->closed)
        input.nearbyAttempts =
            Repo::nearbyAttempts(c, sessionId, config.attemptBurstWindowSeconds, kMaxNearbyAttempts);
}

} // namespace Proctor::Collector::Services::AttemptRiskInputs
