#!/usr/bin/env bash
# Regenerates tests/Fixtures/MigrationsApp/Migrations with the real `dotnet ef migrations add` (dotnet-ef 10.0.15).
# Each step writes the model as it stood, then scaffolds one migration; every migration after the first plants one unsafe
# change, which the migration rules (SL7001-SL7006) must report, and nothing else. The final model (the fixture's own
# Model.cs and ShopContext.cs) adds Customer.Phone, which no migration captures (SL7007).
# Scaffolding happens in a scratch copy that references Microsoft.EntityFrameworkCore.Design; the fixture does not.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
fixture="$repo/tests/Fixtures/MigrationsApp"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/app"
cp "$repo/Directory.Build.props" "$repo/Directory.Packages.props" "$repo/global.json" "$work/"
cp "$fixture/Program.cs" "$work/app/"
cat > "$work/app/MigrationsApp.csproj" <<'EOF'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <ImplicitUsings>enable</ImplicitUsings>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Npgsql.EntityFrameworkCore.PostgreSQL" />
    <PackageReference Include="Microsoft.EntityFrameworkCore.Design" VersionOverride="10.0.14" PrivateAssets="all" />
  </ItemGroup>
</Project>
EOF
cd "$work"
dotnet new tool-manifest >/dev/null
dotnet tool install dotnet-ef --version 10.0.15 >/dev/null
dotnet restore app >/dev/null

# $1 Customer members, $2 Order members, $3 extra types, $4 OnModelCreating body, $5 DbSets
model() {
  cat > app/Model.cs <<EOF
using System.ComponentModel.DataAnnotations;

namespace MigrationsApp;

public class Customer
{
    public int Id { get; set; }
$1
    public List<Order> Orders { get; } = new();
}

public class Order
{
    public int Id { get; set; }

    public int CustomerId { get; set; }

    public Customer Customer { get; set; } = null!;

    public decimal Total { get; set; }
$2
}
$3
EOF
  cat > app/ShopContext.cs <<EOF
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace MigrationsApp;

public class ShopContext : DbContext
{
    public ShopContext(DbContextOptions<ShopContext> options)
        : base(options)
    {
    }

    public DbSet<Customer> Customers => Set<Customer>();

    public DbSet<Order> Orders => Set<Order>();
$5
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Order>().Property(o => o.Total).HasPrecision(18, 2);
$4
    }
}

public class ShopContextFactory : IDesignTimeDbContextFactory<ShopContext>
{
    public ShopContext CreateDbContext(string[] args) =>
        new ShopContext(new DbContextOptionsBuilder<ShopContext>().UseNpgsql("Host=localhost;Database=shop").Options);
}
EOF
}

add() {
  dotnet ef migrations add "$1" --project app --output-dir Migrations >/dev/null
  sleep 1  # migration ids are timestamps to the second: keep them ordered
}

NAME200='    [MaxLength(200)]
    public string Name { get; set; } = "";
'
NAME50='    [MaxLength(50)]
    public string Name { get; set; } = "";
'
EMAIL_NULL='    public string? Email { get; set; }
'
EMAIL='    public string Email { get; set; } = "";
'
NOTES='    public string? Notes { get; set; }
'
COUPON_TYPE='
public class Coupon
{
    public int Id { get; set; }

    [MaxLength(20)]
    public string Code { get; set; } = "";
}'
COUPON_MEMBERS='
    public int? CouponId { get; set; }

    public Coupon? Coupon { get; set; }'
COUPON_SET='
    public DbSet<Coupon> Coupons => Set<Coupon>();
'
EMAIL_INDEX='        modelBuilder.Entity<Customer>().HasIndex(c => c.Email);'
EMAIL_UNIQUE='        modelBuilder.Entity<Customer>().HasIndex(c => c.Email).IsUnique().IsCreatedConcurrently();'
COUPON_CONFIG='        modelBuilder.Entity<Order>().HasIndex(o => o.CouponId).IsCreatedConcurrently();
        modelBuilder.Entity<Coupon>().HasIndex(c => c.Code).IsUnique();'

model "$NAME200$EMAIL_NULL$NOTES" "" "" "" ""
add Initial
model "$NAME200$EMAIL_NULL$NOTES" "" "" "$EMAIL_INDEX" ""
add IndexCustomerEmail                      # SL7001
model "$NAME50$EMAIL_NULL$NOTES" "" "" "$EMAIL_INDEX" ""
add ShortenCustomerName                     # SL7004
model "$NAME50$EMAIL$NOTES" "" "" "$EMAIL_INDEX" ""
add RequireCustomerEmail                    # SL7002
model "$NAME50$EMAIL" "" "" "$EMAIL_INDEX" ""
add DropCustomerNotes                       # SL7003
model "$NAME50$EMAIL" "" "" "$EMAIL_UNIQUE" ""
add UniqueCustomerEmail                     # SL7006
model "$NAME50$EMAIL" "$COUPON_MEMBERS" "$COUPON_TYPE" "$EMAIL_UNIQUE
$COUPON_CONFIG" "$COUPON_SET"
add AddCoupons                              # SL7005

rm -rf "$fixture/Migrations"
cp -r app/Migrations "$fixture/Migrations"
if [ "${1:-}" = "--script" ]; then
  dotnet ef migrations script --project app --idempotent false -o "$fixture/migrations.sql" >/dev/null 2>&1 || dotnet ef migrations script --project app -o "$fixture/migrations.sql" >/dev/null
fi
echo "Scaffolded $(ls "$fixture/Migrations" | grep -vc Designer) files into $fixture/Migrations"
