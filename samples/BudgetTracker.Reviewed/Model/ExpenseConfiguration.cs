using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BudgetTracker.Reviewed.Model;

/// <summary>Expense is configured with the Fluent API; User and Category use data annotations. SchemaLint reads both.</summary>
public class ExpenseConfiguration : IEntityTypeConfiguration<Expense>
{
    public void Configure(EntityTypeBuilder<Expense> builder)
    {
        builder.ToTable(t => t.HasCheckConstraint("CK_Expense_Amount", "\"Amount\" > 0"));

        builder.Property(e => e.Amount).HasPrecision(18, 2);
        builder.Property(e => e.Date).HasDefaultValueSql("CURRENT_DATE");

        // Deleting a user deletes their expenses; a category in use cannot be deleted.
        builder.HasOne(e => e.User).WithMany(u => u.Expenses).HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(e => e.Category).WithMany(c => c.Expenses).HasForeignKey(e => e.CategoryId).OnDelete(DeleteBehavior.Restrict);
    }
}
