// SPDX-License-Identifier: MIT
#include "storage/rolegrants.h"

#include "storage/database.h"

namespace Proctor::Collector::Storage::RoleGrants {

Expected<Granted> grantApplicationRole(const QString &ownerUrl, const QString &applicationUrl)
{
    try {
        Granted g;
        {
            auto app = connect(applicationUrl, 10);
            if (!app)
                return tl::unexpected(app.error());
            g.application =
                toQString(pqxx::nontransaction(**app).exec("SELECT current_user")[0][0].as<std::string>());
        }
        auto owner = connect(ownerUrl, 10);
        if (!owner)
            return tl::unexpected(owner.error());
        pqxx::work tx(**owner);
        g.owner = toQString(tx.exec("SELECT current_user")[0][0].as<std::string>());
        g.separate = g.owner != g.application;
        if (!g.separate)
            return g;
        const std::string app = tx.quote_name(toStd(g.application));
        const std::string owner_ = tx.quote_name(toStd(g.owner));
        for (const std::string &sql : {
                 "GRANT USAGE ON SCHEMA public TO " + app,
                 "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO " + app,
                 "GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO " + app,
                 // Tables and partitions the owner makes later (new migrations, pg_partman's months).
                 "ALTER DEFAULT PRIVILEGES FOR ROLE " + owner_ +
                     " IN SCHEMA public GRANT SELECT, INSERT, UPDATE, " + "DELETE ON TABLES TO " + app,
                 "ALTER DEFAULT PRIVILEGES FOR ROLE " + owner_ + " IN SCHEMA public GRANT USAGE, SELECT ON " +
                     "SEQUENCES TO " + app,
                 // The audit log is append-only for the service: a compromised or buggy application cannot
                 // rewrite what it did.
                 "REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM " + app,
                 "REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON schema_migrations FROM " + app,
                 // No DDL: nothing created in the schema (PostgreSQL 15 no longer grants this to PUBLIC).
                 "REVOKE CREATE ON SCHEMA public FROM " + app,
             })
            tx.exec(sql);
        tx.commit();
        return g;
    } catch (...) {
        return tl::unexpected(currentExceptionAsError(QStringLiteral("grant")));
    }
}

} // namespace Proctor::Collector::Storage::RoleGrants
