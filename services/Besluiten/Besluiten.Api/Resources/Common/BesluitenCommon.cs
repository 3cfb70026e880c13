namespace Besluiten.Api.Resources.Common;

public static class BesluitenCommon
{
    /// <summary>The pieces every Besluiten resource shares.</summary>
    public static IServiceCollection AddBesluitenCommon(this IServiceCollection services) => services;
}
