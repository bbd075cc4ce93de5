namespace FactoryApp;

// A relationship for the live-database tests: EF Core gives ProductId an index and a foreign-key constraint.
public class Review
{
    public int Id { get; set; }

    public int ProductId { get; set; }

    public Product Product { get; set; } = null!;

    public int Stars { get; set; }
}
