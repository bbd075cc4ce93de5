using SchemaLint.Core.Model;
using SchemaLint.Core.Rules;
using SchemaLint.Core.Tests.Building;

namespace SchemaLint.Core.Tests.Rules.Relationships;

public class MultipleCascadePathsTests
{
    private const string Id = RuleIds.MultipleCascadePaths;

    /// <summary>User -> Post -> Comment and User -> Comment, every step cascading unless <paramref name="commentAuthor"/> says otherwise.</summary>
    private static SchemaBuilder Diamond(SchemaBuilder schema, Action<ForeignKeyBuilder>? commentAuthor = null) =>
        schema
            .Entity("User", e => e.Key("Id"))
            .Entity("Post", e => e.Key("Id").ForeignKey("UserId", "User"))
            .Entity("Comment", e => e.Key("Id").ForeignKey("UserId", "User", commentAuthor).ForeignKey("PostId", "Post"));

    [Fact]
    public void Fires_where_two_cascade_paths_meet()
    {
        // The step named is the direct one from the source of both paths: the shortcut to make NoAction.
        var finding = Expect.Single(Diamond(Schema.PostgreSql()).Lint(Id), Id, "Comment", "User");

        Assert.Equal("Deleting a 'User' cascades to 'Comment' along more than one path, the last step being (UserId) -> User; SQL Server refuses this, other databases delete through every path", finding.Message);
    }

    [Fact]
    public void Names_the_same_step_whatever_order_the_model_lists_entities_and_keys_in()
    {
        // The analyzers list foreign keys in source order, EF Core by property name: both must name the same step.
        var sourceOrder = Schema.SqlServer()
            .Entity("User", e => e.Key("Id"))
            .Entity("Category", e => e.Key("Id").ForeignKey("UserId", "User"))
            .Entity("Expense", e => e.Key("Id").ForeignKey("UserId", "User").ForeignKey("CategoryId", "Category"));
        var efOrder = Schema.SqlServer()
            .Entity("Expense", e => e.Key("Id").ForeignKey("CategoryId", "Category").ForeignKey("UserId", "User"))
            .Entity("Category", e => e.Key("Id").ForeignKey("UserId", "User"))
            .Entity("User", e => e.Key("Id"));

        var fromSource = Expect.Single(sourceOrder.Lint(Id), Id, "Expense", "User");
        var fromModel = Expect.Single(efOrder.Lint(Id), Id, "Expense", "User");

        Assert.Equal(fromSource.Message, fromModel.Message);
        Assert.Contains("the last step being (UserId) -> User", fromModel.Message);
    }

    [Fact]
    public void Without_a_direct_step_names_the_first_reached_step_in_name_order()
    {
        // Root reaches Leaf through Left and through Right; neither step into Leaf comes from Root itself.
        var schema = Schema.PostgreSql()
            .Entity("Root", e => e.Key("Id"))
            .Entity("Right", e => e.Key("Id").ForeignKey("RootId", "Root"))
            .Entity("Left", e => e.Key("Id").ForeignKey("RootId", "Root"))
            .Entity("Leaf", e => e.Key("Id").ForeignKey("RightId", "Right").ForeignKey("LeftId", "Left"));

        Assert.Contains("the last step being (LeftId) -> Left", Expect.Single(schema.Lint(Id), Id, "Leaf", "Left").Message);
    }

    [Fact]
    public void Names_the_same_closing_edge_of_a_cycle_whatever_the_order()
    {
        var one = Schema.PostgreSql()
            .Entity("A", e => e.Key("Id").ForeignKey("CId", "C"))
            .Entity("B", e => e.Key("Id").ForeignKey("AId", "A"))
            .Entity("C", e => e.Key("Id").ForeignKey("BId", "B"));
        var other = Schema.PostgreSql()
            .Entity("C", e => e.Key("Id").ForeignKey("BId", "B"))
            .Entity("B", e => e.Key("Id").ForeignKey("AId", "A"))
            .Entity("A", e => e.Key("Id").ForeignKey("CId", "C"));

        Assert.Equal(Assert.Single(one.Lint(Id)).Message, Assert.Single(other.Lint(Id)).Message);
    }

    [Fact]
    public void Fires_on_two_cascading_relationships_between_the_same_tables()
    {
        var findings = Schema.PostgreSql()
            .Entity("User", e => e.Key("Id"))
            .Entity("Message", e => e.Key("Id").ForeignKey("SenderId", "User").ForeignKey("RecipientId", "User"))
            .Lint(Id);

        Expect.Single(findings, Id, "Message", "Recipient");
    }

    [Fact]
    public void Fires_on_a_cascading_self_reference()
    {
        var findings = Schema.PostgreSql()
            .Entity("Category", e => e.Key("Id").ForeignKey("ParentId", "Category", fk => fk.OnDelete(DeleteBehaviorKind.Cascade)))
            .Lint(Id);

        var finding = Expect.Single(findings, Id, "Category", "Parent");
        Assert.Equal("Relationship (ParentId) -> Category of 'Category' cascades deletes to its own table; a delete can cascade without end (SQL Server refuses it)", finding.Message);
    }

    [Fact]
    public void Fires_on_a_cascade_cycle_through_two_tables()
    {
        var findings = Schema.PostgreSql()
            .Entity("Team", e => e.Key("Id").ForeignKey("CaptainId", "Player"))
            .Entity("Player", e => e.Key("Id").ForeignKey("TeamId", "Team"))
            .Lint(Id);

        var finding = Assert.Single(findings);
        Assert.Contains("closes a cascade cycle through", finding.Message);
    }

    [Fact]
    public void Is_an_error_on_SQL_Server()
    {
        var finding = Assert.Single(Diamond(Schema.SqlServer()).Lint(Id));

        Assert.Equal(Severity.Error, finding.Severity);
    }

    [Fact]
    public void Its_descriptor_states_each_provider_s_severity_as_the_rule_reports_it()
    {
        var descriptor = RuleCatalog.Get(Id);

        Assert.Equal(new[] { DatabaseProvider.SqlServer }, descriptor.SeverityByProvider.Keys);
        Assert.Equal(descriptor.SeverityByProvider[DatabaseProvider.SqlServer], Assert.Single(Diamond(Schema.SqlServer()).Lint(Id)).Severity);
        Assert.Equal(descriptor.DefaultSeverity, Assert.Single(Diamond(Schema.PostgreSql()).Lint(Id)).Severity);
    }

    [Fact]
    public void Is_a_warning_on_other_databases()
    {
        var finding = Assert.Single(Diamond(Schema.PostgreSql()).Lint(Id));

        Assert.Equal(Severity.Warning, finding.Severity);
    }

    [Fact]
    public void Is_an_error_when_the_options_force_SQL_Server()
    {
        var finding = Assert.Single(Diamond(Schema.PostgreSql()).Lint(Id, Config.Of("schemalint.provider = sqlserver")));

        Assert.Equal(Severity.Error, finding.Severity);
    }

    [Fact]
    public void Keeps_a_configured_severity_on_SQL_Server()
    {
        var finding = Assert.Single(Diamond(Schema.SqlServer()).Lint(Id, Config.Of("dotnet_diagnostic.SL1006.severity = warning")));

        Assert.Equal(Severity.Warning, finding.Severity);
    }

    [Theory]
    [InlineData(DeleteBehaviorKind.Restrict)]
    [InlineData(DeleteBehaviorKind.NoAction)]
    [InlineData(DeleteBehaviorKind.ClientCascade)]
    public void Is_silent_when_one_path_does_not_cascade_in_the_database(DeleteBehaviorKind behavior)
    {
        Assert.Empty(Diamond(Schema.SqlServer(), fk => fk.OnDelete(behavior)).Lint(Id));
    }

    [Fact]
    public void Is_silent_on_a_single_chain_of_cascades()
    {
        var findings = Schema.SqlServer()
            .Entity("User", e => e.Key("Id"))
            .Entity("Post", e => e.Key("Id").ForeignKey("UserId", "User"))
            .Entity("Comment", e => e.Key("Id").ForeignKey("PostId", "Post"))
            .Lint(Id);

        Assert.Empty(findings);
    }

    [Fact]
    public void Is_silent_when_a_delete_behavior_is_unknown()
    {
        Assert.Empty(Diamond(Schema.SqlServer(), fk => fk.UnknownDeleteBehavior()).Lint(Id));
    }

    [Fact]
    public void Is_silent_when_a_path_runs_through_a_view()
    {
        // A view carries no foreign key constraint, so no delete cascades into it.
        var findings = Schema.SqlServer()
            .Entity("User", e => e.Key("Id"))
            .Entity("Post", e => e.Key("Id").ForeignKey("UserId", "User"))
            .Entity("PostStatistics", e => e.Keyless().ToView("post_statistics").ForeignKey("UserId", "User").ForeignKey("PostId", "Post"))
            .Lint(Id);

        Assert.Empty(findings);
    }

    [Fact]
    public void Is_silent_on_an_owned_type_in_its_owner_table()
    {
        var findings = Schema.SqlServer()
            .Entity("User", e => e.Key("Id"))
            .Entity("Order", e => e.Key("Id").ForeignKey("UserId", "User"))
            .Entity("Address", e => e.OwnedBy("Order").Key("OrderId").ForeignKey("OrderId", "Order", fk => fk.Ownership()).ForeignKey("CountryUserId", "User"))
            .Lint(Id);

        Assert.Empty(findings);
    }

    [Fact]
    public void Counts_set_null_paths_on_SQL_Server()
    {
        // SQL Server's error 1785 names SET NULL as well as CASCADE.
        var findings = Schema.SqlServer()
            .Entity("User", e => e.Key("Id"))
            .Entity("Message", e => e.Key("Id")
                .Property<int?>("SenderId").ForeignKey("SenderId", "User", fk => fk.OnDelete(DeleteBehaviorKind.SetNull))
                .Property<int?>("RecipientId").ForeignKey("RecipientId", "User", fk => fk.OnDelete(DeleteBehaviorKind.SetNull)))
            .Lint(Id);

        Assert.Equal(Severity.Error, Expect.Single(findings, Id, "Message", "Recipient").Severity);
    }

    [Fact]
    public void Ignores_set_null_paths_elsewhere()
    {
        var findings = Schema.PostgreSql()
            .Entity("User", e => e.Key("Id"))
            .Entity("Message", e => e.Key("Id")
                .Property<int?>("SenderId").ForeignKey("SenderId", "User", fk => fk.OnDelete(DeleteBehaviorKind.SetNull))
                .Property<int?>("RecipientId").ForeignKey("RecipientId", "User", fk => fk.OnDelete(DeleteBehaviorKind.SetNull)))
            .Lint(Id);

        Assert.Empty(findings);
    }

    [Fact]
    public void Is_silent_on_the_TPT_link_from_a_derived_table_to_its_base_table()
    {
        // EF Core models TPT as a cascading foreign key from Dogs.Id to Animals.Id: two tables, no cycle.
        var findings = Schema.SqlServer()
            .Entity("Animal", e => e.Key("Id").Tpt())
            .Entity("Dog", e => e.DerivedFrom("Animal").ForeignKey("Id", "Animal", fk => fk.OneToOne().Navigation(null)))
            .Lint(Id);

        Assert.Empty(findings);
    }

    [Fact]
    public void Fires_on_a_TPT_derived_table_reached_from_its_base_along_the_link_and_a_second_cascade()
    {
        // Dogs.Id -> Animals cascades, and so does Dogs.MotherId -> Animals: SQL Server refuses the second path.
        var findings = Schema.SqlServer()
            .Entity("Animal", e => e.Key("Id").Tpt())
            .Entity("Dog", e => e.DerivedFrom("Animal").ForeignKey("Id", "Animal", fk => fk.OneToOne().Navigation(null)).ForeignKey("MotherId", "Animal"))
            .Lint(Id);

        var finding = Assert.Single(findings);
        Assert.Equal("Dog", finding.EntityName);
        Assert.StartsWith("Deleting a 'Animal' cascades to 'Dog' along more than one path", finding.Message);
    }

    [Fact]
    public void Fires_on_two_cascade_paths_through_a_TPT_derived_table()
    {
        var findings = Schema.PostgreSql()
            .Entity("Animal", e => e.Key("Id").Tpt())
            .Entity("Person", e => e.Key("Id"))
            .Entity("Dog", e => e.DerivedFrom("Animal").ForeignKey("OwnerId", "Person"))
            .Entity("Kennel", e => e.Key("Id").ForeignKey("DogId", "Dog").ForeignKey("PersonId", "Person"))
            .Lint(Id);

        var finding = Assert.Single(findings);
        Assert.Equal("Kennel", finding.EntityName);
        Assert.StartsWith("Deleting a 'Person' cascades to 'Kennel' along more than one path", finding.Message);
    }

    [Fact]
    public void Treats_a_TPH_hierarchy_as_one_table()
    {
        // Dog rows live in Animals: a cascade from Dog to Animal returns to the same table.
        var findings = Schema.PostgreSql()
            .Entity("Animal", e => e.Key("Id").Tph())
            .Entity("Dog", e => e.DerivedFrom("Animal").ForeignKey("MotherId", "Animal"))
            .Lint(Id);

        Assert.Contains("cascades deletes to its own table", Expect.Single(findings, Id, "Animal", "Mother").Message);
    }

    [Fact]
    public void Is_silent_on_a_relationship_to_a_TPC_type_with_derived_types()
    {
        // Vehicle rows live in Vehicles and Cars: EF Core creates no constraint to either, so nothing cascades from Vehicle.
        var findings = Schema.SqlServer()
            .Entity("Vehicle", e => e.Key("Id").Inheritance(InheritanceStrategy.Tpc))
            .Entity("Car", e => e.DerivedFrom("Vehicle").ForeignKey("GarageId", "Garage"))
            .Entity("Garage", e => e.Key("Id").ForeignKey("VehicleId", "Vehicle"))
            .Lint(Id);

        Assert.Empty(findings);
    }

    [Fact]
    public void Follows_a_foreign_key_of_an_abstract_TPC_base_into_every_derived_table()
    {
        var findings = Schema.PostgreSql()
            .Entity("Person", e => e.Key("Id"))
            .Entity("Pet", e => e.Key("Id").Inheritance(InheritanceStrategy.Tpc).MappedTo(TableMappingKind.None, null).ForeignKey("OwnerId", "Person"))
            .Entity("Cat", e => e.DerivedFrom("Pet"))
            .Entity("Dog", e => e.DerivedFrom("Pet"))
            .Entity("Vet", e => e.Key("Id").ForeignKey("CatId", "Cat").ForeignKey("PersonId", "Person"))
            .Lint(Id);

        var finding = Assert.Single(findings);
        Assert.Equal("Vet", finding.EntityName);
        Assert.StartsWith("Deleting a 'Person' cascades to 'Vet' along more than one path", finding.Message);
    }

    [Fact]
    public void Is_silent_when_the_inheritance_strategy_is_unknown()
    {
        var findings = Schema.PostgreSql()
            .Entity("Animal", e => e.Key("Id").Entity.InheritanceStrategy = Fact<InheritanceStrategy>.Unknown)
            .Entity("Dog", e => e.DerivedFrom("Animal").ForeignKey("MotherId", "Animal"))
            .Lint(Id);

        Assert.Empty(findings);
    }
}
