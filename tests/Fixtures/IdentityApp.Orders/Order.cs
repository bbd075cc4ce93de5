namespace IdentityApp.Orders;

public class Order
{
    public int Id { get; set; }

    public string UserId { get; set; } = "";

    // No precision: SL2002, judged because this library is the application's own.
    public decimal Total { get; set; }
}
