namespace FactoryApp;

public class Product
{
    public int Id { get; set; }

    public string Name { get; set; } = "";

    // Money as a floating-point number: SL2001.
    public double Price { get; set; }
}
