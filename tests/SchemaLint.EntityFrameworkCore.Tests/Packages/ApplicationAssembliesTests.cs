using Microsoft.AspNetCore.Identity;
using SchemaLint.Core.Model;
using SchemaLint.EntityFrameworkCore.Mapping;

namespace SchemaLint.EntityFrameworkCore.Tests.Packages;

/// <summary>Which assemblies are the application's at run time: the ones its .deps.json lists as projects, and the context's own.</summary>
public sealed class ApplicationAssembliesTests
{
    private static readonly ApplicationAssemblies ThisProcess = ApplicationAssemblies.ForContext(typeof(ApplicationAssembliesTests));

    [Fact]
    public void A_type_from_a_package_the_application_restored_is_the_packages()
    {
        // Copied into this test's bin folder, as every package assembly of an application is: its path alone would not tell.
        Assert.Equal("Microsoft.Extensions.Identity.Stores", ThisProcess.PackageOf(typeof(IdentityRole)));
    }

    [Fact]
    public void A_type_from_a_project_reference_is_the_applications()
    {
        // SchemaLint.Core is a class library this test project references as a project: the application's own code.
        Assert.Null(ThisProcess.PackageOf(typeof(SchemaModel)));
    }

    [Fact]
    public void A_type_of_the_contexts_own_assembly_is_the_applications()
    {
        Assert.Null(ThisProcess.PackageOf(typeof(ApplicationAssembliesTests)));
    }

    [Fact]
    public void The_deps_file_names_project_libraries_the_applications_and_package_libraries_by_their_id()
    {
        const string deps = """
            {
              "targets": {
                ".NETCoreApp,Version=v10.0": {
                  "Shop.Web/1.0.0": { "runtime": { "Shop.Web.dll": {} } },
                  "Shop.Data/1.0.0": { "runtime": { "Shop.Data.dll": {} } },
                  "OpenIddict.EntityFrameworkCore.Models/6.1.1": { "runtime": { "lib/net8.0/OpenIddict.EntityFrameworkCore.Models.dll": {} } }
                }
              },
              "libraries": {
                "Shop.Web/1.0.0": { "type": "project" },
                "Shop.Data/1.0.0": { "type": "project" },
                "OpenIddict.EntityFrameworkCore.Models/6.1.1": { "type": "package", "path": "openiddict.entityframeworkcore.models/6.1.1" }
              }
            }
            """;

        var libraries = ApplicationAssemblies.LibrariesOf(new[] { deps });

        Assert.Null(libraries["Shop.Web"]);
        Assert.Null(libraries["Shop.Data"]);
        Assert.Equal("OpenIddict.EntityFrameworkCore.Models", libraries["OpenIddict.EntityFrameworkCore.Models"]);
    }
}
