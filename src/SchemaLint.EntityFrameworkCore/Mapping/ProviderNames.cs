using System;
using SchemaLint.Core.Model;

namespace SchemaLint.EntityFrameworkCore.Mapping
{
    /// <summary>Maps the provider an EF Core context is configured with (<c>Database.ProviderName</c>) to the core's provider.</summary>
    internal static class ProviderNames
    {
        public static DatabaseProvider FromEfProviderName(string? providerName)
        {
            if (string.IsNullOrEmpty(providerName)) return DatabaseProvider.Unknown;
            var name = providerName!;
            if (Contains(name, "Npgsql") || Contains(name, "PostgreSQL")) return DatabaseProvider.PostgreSql;
            if (Contains(name, "SqlServer")) return DatabaseProvider.SqlServer;
            if (Contains(name, "Sqlite")) return DatabaseProvider.Sqlite;

            // Pomelo.EntityFrameworkCore.MySql and Oracle's MySql.EntityFrameworkCore.
            if (Contains(name, "MySql")) return DatabaseProvider.MySql;

            // InMemory, Cosmos and anything else: no relational database whose rules we know.
            return DatabaseProvider.Unknown;
        }

        private static bool Contains(string text, string part) => text.IndexOf(part, StringComparison.OrdinalIgnoreCase) >= 0;
    }
}
