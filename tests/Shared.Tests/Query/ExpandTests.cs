using System.Net;
using Zgw.Api.Problems;
using Zgw.Api.Query;

namespace Shared.Tests.Query;

/// <summary>expand parsing (ZGW G10; zrc-026/drc-012 depth, drc-013 unknown names).</summary>
public sealed class ExpandTests
{
    private static readonly Dictionary<string, IReadOnlyCollection<string>> Allowed = new()
    {
        [""] = ["zaaktype", "status", "resultaat"],
        ["status"] = ["statustype", "zaak"],
        ["status.zaak"] = ["status", "zaaktype"],
        ["status.zaak.status"] = ["statustype"],
    };

    [Fact]
    public void CommaListAndDots_BuildATree()
    {
        var tree = ExpandTree.Parse("zaaktype, status.statustype,status.zaak", Allowed);
        Assert.True(tree.Has("zaaktype"));
        Assert.True(tree["status"].Has("statustype"));
        Assert.True(tree["status"].Has("zaak"));
        Assert.False(tree.Has("resultaat"));
        Assert.True(tree["resultaat"].IsEmpty);
    }

    [Fact]
    public void Empty_IsEmptyTree() => Assert.True(ExpandTree.Parse(null, Allowed).IsEmpty);

    [Fact]
    public void Zrc026_PathsDeeperThanThree_AreCut()
    {
        var tree = ExpandTree.Parse("status.zaak.status.statustype", Allowed);
        Assert.True(tree["status"]["zaak"].Has("status"));
        Assert.True(tree["status"]["zaak"]["status"].IsEmpty);
    }

    [Fact]
    public void Drc013_UnknownName_Is404()
    {
        var e = Assert.Throws<ZgwException>(() => ExpandTree.Parse("zaaktype,bestaatniet", Allowed));
        Assert.Equal((int)HttpStatusCode.NotFound, e.Status);
        Assert.Contains("bestaatniet", e.Detail);
    }

    [Fact]
    public void Drc013_UnknownNestedName_Is404()
    {
        var e = Assert.Throws<ZgwException>(() => ExpandTree.Parse("status.onbekend", Allowed));
        Assert.Contains("status.onbekend", e.Detail);
    }
}
