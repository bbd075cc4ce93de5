using SchemaLint.Core.Engine;
using SchemaLint.Core.Model;
using SchemaLint.Core.Model.Database;
using SchemaLint.Core.Options;

namespace SchemaLint.LiveDatabase.Tests.Rules;

/// <summary>
/// A hand-built budget tracker as the runtime front end would read it (Users, Expenses), and the database EF Core's
/// migrations would create for it. Each test breaks one side and checks the finding.
/// </summary>
public sealed class BudgetSchema
{
    public BudgetSchema()
    {
        Model = new SchemaModel("BudgetContext", DatabaseProvider.PostgreSql);
        Users = Model.AddEntity(Table("Budget.User", "Users"));
        Users.AddProperty(Column("Id", ClrTypeNames.Int32, "integer", nullable: false));
        Users.AddProperty(Column("Email", ClrTypeNames.String, "character varying(254)", nullable: false, maxLength: 254));
        Users.AddProperty(Column("Name", ClrTypeNames.String, "character varying(100)", nullable: false, maxLength: 100));
        var createdAt = Users.AddProperty(Column("CreatedAt", ClrTypeNames.DateTime, "timestamp with time zone", nullable: false));
        createdAt.DefaultValueSql = "now()";
        Users.Keys.Add(new KeyModel(new[] { "Id" }, isPrimary: true));
        Users.Indexes.Add(new IndexModel(new[] { "Email" }, isUnique: true) { Name = "IX_Users_Email" });

        Expenses = Model.AddEntity(Table("Budget.Expense", "Expenses"));
        Expenses.AddProperty(Column("Id", ClrTypeNames.Int32, "integer", nullable: false));
        Expenses.AddProperty(Column("UserId", ClrTypeNames.Int32, "integer", nullable: false));
        Expenses.AddProperty(Column("Amount", ClrTypeNames.Decimal, "numeric(18,2)", nullable: false, precision: 18, scale: 2));
        var status = Expenses.AddProperty(Column("Status", ClrTypeNames.String, "text", nullable: false));
        status.HasDefaultValue = true;
        status.DefaultValueLiteral = "'open'";
        Expenses.Keys.Add(new KeyModel(new[] { "Id" }, isPrimary: true));
        Expenses.ForeignKeys.Add(new ForeignKeyModel(new[] { "UserId" }, "Budget.User", new[] { "Id" })
        {
            DependentNavigation = "User",
            DeleteBehavior = DeleteBehaviorKind.Cascade,
            IsRequired = true,
        });
        Expenses.Indexes.Add(new IndexModel(new[] { "UserId" }) { Name = "IX_Expenses_UserId" });
        Expenses.CheckConstraints.Add(new CheckConstraintModel("CK_Expenses_Amount", "\"Amount\" > 0"));

        Database = new DatabaseSchema(DatabaseProvider.PostgreSql, "public", "budget");
        UsersTable = Database.AddTable(new DatabaseTable("public", "Users"));
        UsersTable.Columns.Add(new DatabaseColumn("Id", "integer", false) { IsIdentity = true });
        UsersTable.Columns.Add(new DatabaseColumn("Email", "character varying(254)", false) { CharacterMaximumLength = 254 });
        UsersTable.Columns.Add(new DatabaseColumn("Name", "character varying(100)", false) { CharacterMaximumLength = 100 });
        UsersTable.Columns.Add(new DatabaseColumn("CreatedAt", "timestamp with time zone", false) { DefaultSql = "now()" });
        UsersTable.PrimaryKey = new DatabaseKeyConstraint("PK_Users", new[] { "Id" }, isPrimary: true);
        UsersTable.Indexes.Add(new DatabaseIndex("PK_Users", new[] { "Id" }, isUnique: true) { IsPrimaryKey = true, Method = "btree" });
        UsersTable.Indexes.Add(new DatabaseIndex("IX_Users_Email", new[] { "Email" }, isUnique: true) { Method = "btree" });

        ExpensesTable = Database.AddTable(new DatabaseTable("public", "Expenses"));
        ExpensesTable.Columns.Add(new DatabaseColumn("Id", "integer", false) { IsIdentity = true });
        ExpensesTable.Columns.Add(new DatabaseColumn("UserId", "integer", false));
        ExpensesTable.Columns.Add(new DatabaseColumn("Amount", "numeric(18,2)", false) { NumericPrecision = 18, NumericScale = 2 });
        ExpensesTable.Columns.Add(new DatabaseColumn("Status", "text", false) { DefaultSql = "'open'::text" });
        ExpensesTable.PrimaryKey = new DatabaseKeyConstraint("PK_Expenses", new[] { "Id" }, isPrimary: true);
        ExpensesTable.ForeignKeys.Add(new DatabaseForeignKey("FK_Expenses_Users_UserId", new[] { "UserId" }, "public", "Users", new[] { "Id" }) { OnDelete = "CASCADE" });
        ExpensesTable.CheckConstraints.Add(new DatabaseCheckConstraint("CK_Expenses_Amount", "(\"Amount\" > (0)::numeric)"));
        ExpensesTable.Indexes.Add(new DatabaseIndex("PK_Expenses", new[] { "Id" }, isUnique: true) { IsPrimaryKey = true, Method = "btree" });
        ExpensesTable.Indexes.Add(new DatabaseIndex("IX_Expenses_UserId", new[] { "UserId" }, isUnique: false) { Method = "btree" });
    }

    public SchemaModel Model { get; }
    public EntityTypeModel Users { get; }
    public EntityTypeModel Expenses { get; }
    public DatabaseSchema Database { get; }
    public DatabaseTable UsersTable { get; }
    public DatabaseTable ExpensesTable { get; }

    public IReadOnlyList<Finding> Findings(string ruleId, SchemaLintOptions? options = null)
    {
        Model.LiveDatabase = Database;
        return SchemaLintEngine.Default.Analyze(Model, options).Where(f => f.RuleId == ruleId).ToList();
    }

    public IReadOnlyList<Finding> DatabaseFindings()
    {
        Model.LiveDatabase = Database;
        return SchemaLintEngine.Default.Analyze(Model).Where(f => f.RuleId.StartsWith("SL6", StringComparison.Ordinal)).ToList();
    }

    public static EntityTypeModel Table(string name, string table) => new(name)
    {
        Mapping = TableMappingKind.Table,
        TableName = table,
    };

    public static PropertyModel Column(string name, string clrType, string storeType, bool nullable, int? maxLength = null, int? precision = null, int? scale = null) =>
        new(name, clrType)
        {
            ColumnName = name,
            IsColumnNullable = nullable,
            ProviderStoreType = storeType,
            StoreType = Fact<string?>.Known(null),
            MaxLength = maxLength,
            Precision = precision,
            Scale = scale,
            HasDefaultValue = false,
            DefaultValueSql = Fact<string?>.Known(null),
            DefaultValueLiteral = Fact<string?>.Known(null),
            ComputedColumnSql = Fact<string?>.Known(null),
        };
}
