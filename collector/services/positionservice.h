// SPDX-License-Identifier: MIT
// The positions the registration form offers (issue 16): public to read with the page key, administrators
// replace the list, every change is audited (settings.positions).
#pragma once

#include <QFuture>

#include "core/error.h"
#include "services/actor.h"
#include "storage/positionrepository.h"

namespace Proctor::Collector::Storage {
class DbPool;
}

namespace Proctor::Collector::Services {

class PositionService
{
public:
    static constexpr int kMaxPositions = 200;
    static constexpr int kMaxPositionLength = 200; // what a session's candidate position may hold

    explicit PositionService(Storage::DbPool &db) : m_db(db) {}

    // The stored list; an empty list that allows free text when none is stored (the form then asks for
    // the position as text).
    QFuture<Expected<Storage::PositionList>> list();
    // Stores the list trimmed and answers what was stored. ValidationFailed naming the field: at most
    // kMaxPositions, each non-empty and at most kMaxPositionLength characters, no duplicates; an empty
    // list must allow other positions (a candidate must be able to name one).
    QFuture<Expected<Storage::PositionList>> set(const Actor &actor, const Storage::PositionList &list);

    static Expected<Storage::PositionList> checked(Storage::PositionList list);

    // The position an open test's candidate chose, as the session stores it: a listed position (matched
    // with whitespace collapsed and case folded, stored in the list's spelling) or, when the deployment
    // allows other positions (or lists none), free text of at most kMaxPositionLength characters.
    // ValidationFailed naming /candidate/position otherwise. The form offers only this list; the server
    // enforces it so that a hand-made request cannot put an arbitrary position on a certificate.
    static Expected<QString> candidatePosition(const Storage::PositionList &list, const QString &position);
    // The same against the stored list, read in the caller's transaction (no stored list: free text).
    static Expected<QString> candidatePosition(pqxx::transaction_base &tx, const QString &position);

private:
    Storage::DbPool &m_db;
};

} // namespace Proctor::Collector::Services
