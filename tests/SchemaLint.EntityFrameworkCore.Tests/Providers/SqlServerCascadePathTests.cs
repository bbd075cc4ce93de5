using Microsoft.EntityFrameworkCore;
using SchemaLint.Core.Engine;
using SchemaLint.Core.Rules;
using SchemaLint.EntityFrameworkCore.Tests.Infrastructure;

namespace SchemaLint.EntityFrameworkCore.Tests.Providers.Cascades;

/// <summary>
/// SL1006 on real SQL Server models: it fires, as an error, exactly where SQL Server refuses the migration (error 1785: a
/// foreign key "may cause cycles or multiple cascade paths"; SQL Server counts SET NULL as well as CASCADE), and nowhere
/// else. No SQL Server runs here, so each case also shows the ON DELETE clauses of the migration EF Core would send it.
/// </summary>
public class SqlServerCascadePathTests
{
    private static (AuditReport Report, MigrationSql Sql) SqlServer(Action<ModelBuilder> model)
    {
        using var context = ModelContext.SqlServer(model);
        return (SchemaAudit.Run(context), MigrationSql.Of(context));
    }

    private static Finding SingleCascadeError(AuditReport report)
    {
        var finding = Assert.Single(report.Of(RuleIds.MultipleCascadePaths));
        Assert.Equal(Severity.Error, finding.Severity);
        return finding;
    }

    [Fact]
    public void Two_cascade_paths_into_one_table_are_an_error()
    {
        var (report, sql) = SqlServer(b =>
        {
            b.Entity<Order>();
            b.Entity<Payment>();
        });

        Assert.Equal(["FK_Payment_Customer_CustomerId CASCADE", "FK_Payment_Customer_PayerId NO ACTION", "FK_Payment_Order_OrderId CASCADE"], sql.OnDeleteActions("Payment"));
        Assert.Equal(["FK_Order_Customer_CustomerId CASCADE"], sql.OnDeleteActions("Order"));
        var finding = SingleCascadeError(report);
        Assert.EndsWith(".Payment", finding.EntityName);
        Assert.Contains("Deleting a 'Customer' cascades to 'Payment' along more than one path", finding.Message);
    }

    [Fact]
    public void A_set_null_path_beside_a_cascade_path_is_an_error_on_SQL_Server()
    {
        var (report, sql) = SqlServer(b =>
        {
            b.Entity<Order>();
            b.Entity<Payment>().HasOne(p => p.Payer).WithMany().HasForeignKey(p => p.PayerId).OnDelete(DeleteBehavior.SetNull);
            b.Entity<Payment>().HasOne(p => p.Customer).WithMany().OnDelete(DeleteBehavior.NoAction);
        });

        Assert.Equal(["FK_Payment_Customer_CustomerId NO ACTION", "FK_Payment_Customer_PayerId SET NULL", "FK_Payment_Order_OrderId CASCADE"],
            sql.OnDeleteActions("Payment"));
        var finding = SingleCascadeError(report);
        Assert.EndsWith(".Payment", finding.EntityName);
    }

    [Fact]
    public void A_set_null_path_beside_a_cascade_path_is_no_finding_on_PostgreSQL_where_only_cascades_delete_rows()
    {
        var report = Audit.Npgsql(b =>
        {
            b.Entity<Order>();
            b.Entity<Payment>().HasOne(p => p.Payer).WithMany().HasForeignKey(p => p.PayerId).OnDelete(DeleteBehavior.SetNull);
            b.Entity<Payment>().HasOne(p => p.Customer).WithMany().OnDelete(DeleteBehavior.NoAction);
        });

        Assert.Empty(report.Of(RuleIds.MultipleCascadePaths));
    }

    [Fact]
    public void A_second_path_that_takes_no_action_is_no_finding()
    {
        var (report, sql) = SqlServer(b =>
        {
            b.Entity<Order>();
            b.Entity<Payment>().HasOne(p => p.Customer).WithMany().OnDelete(DeleteBehavior.Restrict);
        });

        Assert.Equal(["FK_Payment_Customer_CustomerId NO ACTION", "FK_Payment_Customer_PayerId NO ACTION", "FK_Payment_Order_OrderId CASCADE"], sql.OnDeleteActions("Payment"));
        Assert.Empty(report.Of(RuleIds.MultipleCascadePaths));
    }

    [Fact]
    public void A_chain_of_cascades_is_one_path_and_no_finding()
    {
        var (report, sql) = SqlServer(b => b.Entity<OrderLine>());

        Assert.Equal(["FK_OrderLine_Order_OrderId CASCADE"], sql.OnDeleteActions("OrderLine"));
        Assert.Equal(["FK_Order_Customer_CustomerId CASCADE"], sql.OnDeleteActions("Order"));
        Assert.Empty(report.Of(RuleIds.MultipleCascadePaths));
    }

    [Fact]
    public void A_cascade_cycle_between_two_tables_is_an_error()
    {
        var (report, sql) = SqlServer(b =>
        {
            b.Entity<Employee>().HasOne(e => e.Department).WithMany(d => d.Staff).HasForeignKey(e => e.DepartmentId).OnDelete(DeleteBehavior.Cascade);
            b.Entity<Department>().HasOne(d => d.Head).WithMany().HasForeignKey(d => d.HeadId).OnDelete(DeleteBehavior.Cascade);
        });

        Assert.Equal(["FK_Department_Employee_HeadId CASCADE"], sql.OnDeleteActions("Department"));
        Assert.Equal(["FK_Employee_Department_DepartmentId CASCADE"], sql.OnDeleteActions("Employee"));
        Assert.Contains("closes a cascade cycle", SingleCascadeError(report).Message);
    }

    [Theory]
    [InlineData(DeleteBehavior.Cascade, "CASCADE")]
    [InlineData(DeleteBehavior.SetNull, "SET NULL")]
    public void A_self_reference_that_cascades_or_sets_null_is_an_error(DeleteBehavior behavior, string action)
    {
        var (report, sql) = SqlServer(behavior == DeleteBehavior.Cascade ? CategoryTreeCascading : CategoryTreeSettingNull);

        Assert.Equal([$"FK_Category_Category_ParentId {action}"], sql.OnDeleteActions("Category"));
        Assert.Contains("cascades deletes to its own table", SingleCascadeError(report).Message);
    }

    [Fact]
    public void A_self_reference_that_takes_no_action_is_no_finding()
    {
        var (report, sql) = SqlServer(b => b.Entity<Category>().HasOne(c => c.Parent).WithMany().HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.ClientSetNull));

        Assert.Equal(["FK_Category_Category_ParentId NO ACTION"], sql.OnDeleteActions("Category"));
        Assert.Empty(report.Of(RuleIds.MultipleCascadePaths));
    }

    [Fact]
    public void The_TPT_link_from_a_derived_table_to_its_base_table_is_not_a_second_path()
    {
        var (report, sql) = SqlServer(b =>
        {
            b.Entity<Pet>().UseTptMappingStrategy();
            b.Entity<Dog>();
        });

        Assert.Equal(["FK_Pet_Owner_OwnerId CASCADE"], sql.OnDeleteActions("Pet"));
        Assert.Equal(["FK_Dog_Owner_WalkerId NO ACTION", "FK_Dog_Pet_Id CASCADE"], sql.OnDeleteActions("Dog"));
        Assert.Empty(report.Of(RuleIds.MultipleCascadePaths));
    }

    [Fact]
    public void A_derived_TPT_table_reached_both_through_its_base_table_and_directly_is_an_error()
    {
        var (report, sql) = SqlServer(b =>
        {
            b.Entity<Pet>().UseTptMappingStrategy();
            b.Entity<Dog>().HasOne(d => d.Walker).WithMany().HasForeignKey(d => d.WalkerId).OnDelete(DeleteBehavior.Cascade);
        });

        Assert.Equal(["FK_Dog_Owner_WalkerId CASCADE", "FK_Dog_Pet_Id CASCADE"], sql.OnDeleteActions("Dog"));
        Assert.Equal(["FK_Pet_Owner_OwnerId CASCADE"], sql.OnDeleteActions("Pet"));
        var finding = SingleCascadeError(report);
        Assert.EndsWith(".Dog", finding.EntityName);
        Assert.Contains("Deleting a 'Owner' cascades to 'Dog' along more than one path", finding.Message);
    }

    [Fact]
    public void TPC_tables_each_hold_their_own_cascade_from_the_principal_and_are_no_finding()
    {
        var (report, sql) = SqlServer(b =>
        {
            b.Entity<Pet>().UseTpcMappingStrategy();
            b.Entity<Dog>();
            b.Entity<Cat>();
        });

        Assert.Equal(["FK_Dog_Owner_OwnerId CASCADE", "FK_Dog_Owner_WalkerId NO ACTION"], sql.OnDeleteActions("Dog"));
        Assert.Equal(["FK_Cat_Owner_OwnerId CASCADE"], sql.OnDeleteActions("Cat"));
        Assert.Empty(report.Of(RuleIds.MultipleCascadePaths));
    }

    [Fact]
    public void Two_cascading_foreign_keys_to_the_same_principal_are_an_error()
    {
        var (report, sql) = SqlServer(b =>
        {
            b.Entity<Match>().HasOne(m => m.Home).WithMany().HasForeignKey(m => m.HomeId).OnDelete(DeleteBehavior.Cascade);
            b.Entity<Match>().HasOne(m => m.Away).WithMany().HasForeignKey(m => m.AwayId).OnDelete(DeleteBehavior.Cascade);
        });

        Assert.Equal(["FK_Match_Team_AwayId CASCADE", "FK_Match_Team_HomeId CASCADE"], sql.OnDeleteActions("Match"));
        Assert.Contains("Deleting a 'Team' cascades to 'Match' along more than one path", SingleCascadeError(report).Message);
    }

    [Fact]
    public void A_diamond_of_cascades_is_an_error()
    {
        var (report, sql) = SqlServer(b =>
        {
            b.Entity<Project>();
            b.Entity<Milestone>();
            b.Entity<Assignee>();
            b.Entity<WorkItem>();
        });

        Assert.Equal(["FK_WorkItem_Assignee_AssigneeId CASCADE", "FK_WorkItem_Milestone_MilestoneId CASCADE"], sql.OnDeleteActions("WorkItem"));
        Assert.Equal(["FK_Milestone_Project_ProjectId CASCADE"], sql.OnDeleteActions("Milestone"));
        Assert.Equal(["FK_Assignee_Project_ProjectId CASCADE"], sql.OnDeleteActions("Assignee"));
        Assert.Contains("Deleting a 'Project' cascades to 'WorkItem' along more than one path", SingleCascadeError(report).Message);
    }

    [Fact]
    public void Cascades_from_two_unrelated_tables_into_one_are_no_finding()
    {
        var (report, sql) = SqlServer(b =>
        {
            b.Entity<Milestone>().Ignore(m => m.Project);
            b.Entity<Assignee>().Ignore(a => a.Project);
            b.Entity<WorkItem>();
        });

        Assert.Equal(["FK_WorkItem_Assignee_AssigneeId CASCADE", "FK_WorkItem_Milestone_MilestoneId CASCADE"], sql.OnDeleteActions("WorkItem"));
        Assert.Empty(report.Of(RuleIds.MultipleCascadePaths));
    }

    [Fact]
    public void A_self_referencing_many_to_many_is_no_finding_because_EF_Core_keeps_one_side_of_its_join_table_off_the_database_on_SQL_Server()
    {
        var (report, sql) = SqlServer(b => b.Entity<Member>().HasMany(m => m.Friends).WithMany(m => m.FriendOf));

        Assert.Equal(["FK_MemberMember_Member_FriendOfId CASCADE", "FK_MemberMember_Member_FriendsId NO ACTION"], sql.OnDeleteActions("MemberMember"));
        Assert.Empty(report.Of(RuleIds.MultipleCascadePaths));
    }

    [Fact]
    public void A_cascade_from_a_TPH_derived_type_to_its_base_type_is_a_self_reference_of_the_one_table()
    {
        var (report, sql) = SqlServer(b =>
        {
            b.Entity<Person>();
            b.Entity<Staff>().HasOne(s => s.Mentor).WithMany().HasForeignKey(s => s.MentorId).OnDelete(DeleteBehavior.Cascade);
        });

        Assert.Equal(["FK_Person_Person_MentorId CASCADE"], sql.OnDeleteActions("Person"));
        Assert.Contains("cascades deletes to its own table", SingleCascadeError(report).Message);
    }

    private static void CategoryTreeCascading(ModelBuilder b) =>
        b.Entity<Category>().HasOne(c => c.Parent).WithMany().HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.Cascade);

    private static void CategoryTreeSettingNull(ModelBuilder b) =>
        b.Entity<Category>().HasOne(c => c.Parent).WithMany().HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.SetNull);
}

public class Customer
{
    public int Id { get; set; }
}

public class Order
{
    public int Id { get; set; }
    public int CustomerId { get; set; }
    public Customer Customer { get; set; } = null!;
}

public class OrderLine
{
    public int Id { get; set; }
    public int OrderId { get; set; }
    public Order Order { get; set; } = null!;
}

public class Payment
{
    public int Id { get; set; }
    public int CustomerId { get; set; }
    public Customer Customer { get; set; } = null!;
    public int OrderId { get; set; }
    public Order Order { get; set; } = null!;
    public int? PayerId { get; set; }
    public Customer? Payer { get; set; }
}

public class Department
{
    public int Id { get; set; }
    public int? HeadId { get; set; }
    public Employee? Head { get; set; }
    public List<Employee> Staff { get; set; } = [];
}

public class Employee
{
    public int Id { get; set; }
    public int? DepartmentId { get; set; }
    public Department? Department { get; set; }
}

public class Category
{
    public int Id { get; set; }
    public int? ParentId { get; set; }
    public Category? Parent { get; set; }
}

public class Owner
{
    public int Id { get; set; }
}

public abstract class Pet
{
    public int Id { get; set; }
    public int OwnerId { get; set; }
    public Owner Owner { get; set; } = null!;
}

public class Dog : Pet
{
    public int? WalkerId { get; set; }
    public Owner? Walker { get; set; }
}

public class Cat : Pet
{
    public bool Indoor { get; set; }
}

public class Team
{
    public int Id { get; set; }
}

public class Match
{
    public int Id { get; set; }
    public int HomeId { get; set; }
    public Team Home { get; set; } = null!;
    public int AwayId { get; set; }
    public Team Away { get; set; } = null!;
}

public class Project
{
    public int Id { get; set; }
}

public class Milestone
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public Project Project { get; set; } = null!;
}

public class Assignee
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public Project Project { get; set; } = null!;
}

public class WorkItem
{
    public int Id { get; set; }
    public int MilestoneId { get; set; }
    public Milestone Milestone { get; set; } = null!;
    public int AssigneeId { get; set; }
    public Assignee Assignee { get; set; } = null!;
}

public class Member
{
    public int Id { get; set; }
    public List<Member> Friends { get; set; } = [];
    public List<Member> FriendOf { get; set; } = [];
}

public class Person
{
    public int Id { get; set; }
}

public class Staff : Person
{
    public int? MentorId { get; set; }
    public Person? Mentor { get; set; }
}
