using System.ComponentModel.DataAnnotations;

namespace MigrationsApp;

public class Customer
{
    public int Id { get; set; }

    [MaxLength(50)]
    public string Name { get; set; } = "";

    public string Email { get; set; } = "";

    // Added to the model after the last migration: SL7007.
    public string? Phone { get; set; }

    public List<Order> Orders { get; } = new();
}

public class Order
{
    public int Id { get; set; }

    public int CustomerId { get; set; }

    public Customer Customer { get; set; } = null!;

    public decimal Total { get; set; }

    public int? CouponId { get; set; }

    public Coupon? Coupon { get; set; }
}

public class Coupon
{
    public int Id { get; set; }

    [MaxLength(20)]
    public string Code { get; set; } = "";
}
