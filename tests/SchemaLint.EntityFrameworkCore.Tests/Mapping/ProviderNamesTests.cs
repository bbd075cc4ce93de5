using SchemaLint.Core.Model;
using SchemaLint.EntityFrameworkCore.Mapping;

namespace SchemaLint.EntityFrameworkCore.Tests.Mapping;

public class ProviderNamesTests
{
    [Theory]
    [InlineData("Npgsql.EntityFrameworkCore.PostgreSQL", DatabaseProvider.PostgreSql)]
    [InlineData("Microsoft.EntityFrameworkCore.SqlServer", DatabaseProvider.SqlServer)]
    [InlineData("Microsoft.EntityFrameworkCore.Sqlite", DatabaseProvider.Sqlite)]
    [InlineData("Pomelo.EntityFrameworkCore.MySql", DatabaseProvider.MySql)]
    [InlineData("MySql.EntityFrameworkCore", DatabaseProvider.MySql)]
    [InlineData("Microsoft.EntityFrameworkCore.InMemory", DatabaseProvider.Unknown)]
    [InlineData("Microsoft.EntityFrameworkCore.Cosmos", DatabaseProvider.Unknown)]
    [InlineData(null, DatabaseProvider.Unknown)]
    public void Maps_ef_core_provider_names(string? providerName, DatabaseProvider expected) =>
        Assert.Equal(expected, ProviderNames.FromEfProviderName(providerName));
}
