using System.Text.RegularExpressions;

namespace Zaken.Tests.Contract;

/// <summary>The official zaken.yaml for the contract tests: <see cref="Zgw.Testing.OfficialOas"/> with one repair.</summary>
public static partial class ZakenOas
{
    /// <summary>
    /// The official zaken.yaml does not parse with YamlDotNet as published: in the description of the <c>expand</c>
    /// property of <c>ZaakZoek</c> (around line 14929) a multi-line double-quoted scalar has a continuation line
    /// (<c>\ hoofdzaak.deelzaken.status.statustype`...</c>) indented less than its key. YAML requires continuation lines
    /// of a flow scalar to be indented more than the parent key, so this line is indented further before parsing (the
    /// text of the scalar does not change: leading white space of a continuation line is folded away). The service's
    /// vendored copy (services/Zaken/Zaken.Api/openapi.yaml) carries the same fix.
    /// </summary>
    public static string FixOfficialYaml(string yaml) =>
        UnderIndentedContinuation().Replace(yaml, m => m.Groups["indent"].Value + "    " + m.Groups["rest"].Value, 1);

    [GeneratedRegex(@"(?m)^(?<indent>[ ]{12})(?<rest>\\ hoofdzaak\.deelzaken\.status\.statustype`)")]
    private static partial Regex UnderIndentedContinuation();

    public static Zgw.Testing.OfficialOas Load(string file) => Zgw.Testing.OfficialOas.Load(file, FixOfficialYaml);
}
