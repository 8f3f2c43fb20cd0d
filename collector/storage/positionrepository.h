// SPDX-License-Identifier: MIT
// The positions the candidate registration form offers: the settings row "positions" (seeded by
// 0008_candidate_content.sql), {"positions": ["…"], "allowOther": false}.
#pragma once

#include <optional>

#include <pqxx/pqxx>

#include <QJsonObject>
#include <QStringList>

namespace Proctor::Collector::Storage {

struct PositionList
{
    QStringList positions;   // in the order the form shows them
    bool allowOther = false; // the form also offers "another position" with free text
};

namespace PositionRepository {

// nullopt when the row was never stored (or was deleted by hand).
std::optional<PositionList> get(pqxx::transaction_base &tx);
// `adminId` is who changed it (nullopt: the command line).
void put(pqxx::work &tx, const PositionList &list, std::optional<qint64> adminId);
// The stored document, which the audit row of a change keeps as its details.
QJsonObject document(const PositionList &list);

} // namespace PositionRepository
} // namespace Proctor::Collector::Storage
