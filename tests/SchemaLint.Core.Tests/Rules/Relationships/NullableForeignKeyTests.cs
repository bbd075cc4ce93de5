using SchemaLint.Core.Model;
using SchemaLint.Core.Rules;
using SchemaLint.Core.Tests.Building;

namespace SchemaLint.Core.Tests.Rules.Relationships;

public class NullableForeignKeyTests
{
    private const string Id = RuleIds.NullableForeignKey;

    private static SchemaBuilder Blog(bool nullableReferenceTypes, Action<EntityBuilder> comment)
    {
        var schema = Schema.PostgreSql();
        if (!nullableReferenceTypes) schema.NullableOblivious();
        return schema.Entity("Post", e => e.Key("Id")).Entity("Comment", e => comment(e.Key("Id")));
    }

    [Fact]
    public void Is_silent_on_a_nullable_value_type_foreign_key_in_nullable_oblivious_code()
    {
        // int? says optional whatever the nullable context: only something declaring the relationship required contradicts it.
        var findings = Blog(nullableReferenceTypes: false, e => e.Property<int?>("PostId").ForeignKey("PostId", "Post")).Lint(Id);

        Assert.Empty(findings);
    }

    [Fact]
    public void Is_silent_on_a_nullable_guid_foreign_key_inherited_from_a_nullable_enabled_class_into_an_oblivious_entity()
    {
        // A #nullable enable domain class declares Guid? OwnerId; the EF class deriving from it lives in a #nullable disable file.
        var findings = Schema.PostgreSql()
            .Entity("Owner", e => e.Key("Id"))
            .Entity("Pet", e => e.NullableOblivious().Key("Id").Property<Guid?>("OwnerId").ForeignKey("OwnerId", "Owner"))
            .Lint(Id);

        Assert.Empty(findings);
    }

    [Fact]
    public void Fires_on_a_nullable_value_type_foreign_key_in_oblivious_code_when_the_relationship_is_declared_required()
    {
        var findings = Blog(nullableReferenceTypes: false, e => e.Property<Guid?>("PostId").ForeignKey("PostId", "Post", fk => fk.Declared(DeclaredRequiredness.Required))).Lint(Id);

        var finding = Expect.Single(findings, Id, "Comment", "PostId");
        Assert.Equal("Foreign key 'Comment.PostId' to 'Post' is nullable although the relationship is declared required", finding.Message);
    }

    [Fact]
    public void Fires_on_a_shadow_foreign_key_whose_navigation_is_declared_where_nullable_reference_types_are_off()
    {
        var findings = Blog(nullableReferenceTypes: true, e => e.ShadowProperty("PostId", typeof(int?))
            .ForeignKey("PostId", "Post", fk => fk.NavigationAnnotated(ReferenceNullability.Oblivious))).Lint(Id);

        var finding = Expect.Single(findings, Id, "Comment", "PostId");
        Assert.Equal("Foreign key 'Comment.PostId' to 'Post' is nullable and nothing declares the relationship optional (nullable reference types are off; use IsRequired(false) if it is)", finding.Message);
    }

    [Fact]
    public void Is_silent_on_a_shadow_foreign_key_whose_navigation_is_declared_where_nullable_reference_types_are_on()
    {
        // The navigation comes from a #nullable enable base class; the entity class itself is oblivious.
        var findings = Blog(nullableReferenceTypes: false, e => e.ShadowProperty("PostId", typeof(int?))
            .ForeignKey("PostId", "Post", fk => fk.NavigationAnnotated(ReferenceNullability.Annotated))).Lint(Id);

        Assert.Empty(findings);
    }

    [Fact]
    public void Fires_on_a_shadow_foreign_key_in_nullable_oblivious_code()
    {
        var findings = Blog(nullableReferenceTypes: false, e => e.ShadowProperty("PostId", typeof(int?)).ForeignKey("PostId", "Post").At(7)).Lint(Id);

        var finding = Expect.Single(findings, Id, "Comment", "PostId");
        Assert.Equal(Code.Line(7), finding.Location);
    }

    [Fact]
    public void Fires_when_the_relationship_is_declared_required_but_the_property_is_nullable()
    {
        var findings = Blog(nullableReferenceTypes: true, e => e.Property<int?>("PostId").ForeignKey("PostId", "Post", fk => fk.Required())).Lint(Id);

        var finding = Expect.Single(findings, Id, "Comment", "PostId");
        Assert.Equal("Foreign key 'Comment.PostId' to 'Post' is nullable although the relationship is declared required", finding.Message);
    }

    [Fact]
    public void Fires_on_a_nullable_string_foreign_key_in_nullable_oblivious_code()
    {
        var findings = Schema.PostgreSql().NullableOblivious()
            .Entity("Currency", e => e.Key("Code"))
            .Entity("Price", e => e.Key("Id").Property<string>("CurrencyCode").ForeignKey("CurrencyCode", "Currency", fk => fk.PrincipalKey("Code")))
            .Lint(Id);

        Expect.Single(findings, Id, "Price", "CurrencyCode");
    }

    [Fact]
    public void Is_silent_when_the_relationship_is_declared_optional()
    {
        var findings = Blog(nullableReferenceTypes: false, e => e.Property<int?>("PostId").ForeignKey("PostId", "Post", fk => fk.Optional())).Lint(Id);

        Assert.Empty(findings);
    }

    [Fact]
    public void Is_silent_on_a_nullable_foreign_key_under_nullable_reference_types()
    {
        // int? PostId beside Post? Post: the code says optional as clearly as IsRequired(false) would.
        var findings = Blog(nullableReferenceTypes: true, e => e.Property<int?>("PostId").ForeignKey("PostId", "Post")).Lint(Id);

        Assert.Empty(findings);
    }

    [Fact]
    public void Is_silent_on_a_shadow_foreign_key_under_nullable_reference_types()
    {
        var findings = Blog(nullableReferenceTypes: true, e => e.ShadowProperty("PostId", typeof(int?)).ForeignKey("PostId", "Post", fk => fk.Declared(DeclaredRequiredness.Optional))).Lint(Id);

        Assert.Empty(findings);
    }

    [Fact]
    public void Is_silent_on_a_non_nullable_foreign_key()
    {
        Assert.Empty(Blog(nullableReferenceTypes: false, e => e.ForeignKey("PostId", "Post")).Lint(Id));
    }

    [Fact]
    public void Is_silent_when_what_the_code_declared_is_unknown()
    {
        var findings = Blog(nullableReferenceTypes: false, e => e.ShadowProperty("PostId", typeof(int?)).ForeignKey("PostId", "Post", fk => fk.UnknownDeclaredRequiredness())).Lint(Id);

        Assert.Empty(findings);
    }

    [Fact]
    public void Is_silent_when_the_relationship_requiredness_is_unknown()
    {
        var findings = Blog(nullableReferenceTypes: false, e => e.ShadowProperty("PostId", typeof(int?)).ForeignKey("PostId", "Post", fk => fk.UnknownRequiredness())).Lint(Id);

        Assert.Empty(findings);
    }

    [Fact]
    public void Is_silent_when_it_is_unknown_whether_nullable_reference_types_are_on()
    {
        var findings = Blog(nullableReferenceTypes: false, e => e.UnknownNullableReferenceTypes().ShadowProperty("PostId", typeof(int?)).ForeignKey("PostId", "Post")).Lint(Id);

        Assert.Empty(findings);
    }

    [Fact]
    public void Is_silent_on_an_ownership()
    {
        var findings = Blog(nullableReferenceTypes: false, e => e.ShadowProperty("PostId", typeof(int?)).ForeignKey("PostId", "Post", fk => fk.Ownership())).Lint(Id);

        Assert.Empty(findings);
    }
}
