using Trygghet.Api.Features.Areas;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Places;

/// <summary>The contract's example of a place search: "fruäng" with a geocoder configured.</summary>
public sealed class PlaceExamples : IContractExamples
{
    private static readonly AreaRef Fruangen = new("fruangen", "Fruängen", AreaKind.Neighbourhood);

    public IEnumerable<object> Examples =>
    [
        new PlaceSearch(AddressSearch.Ok,
        [
            new FoundPlace("Fruängsgården 7", FoundPlaceKind.Address, "Fruängsgården 7, Fruängen, Hägersten-Liljeholmens stadsdelsområde, Stockholm, 129 52, Sverige",
                59.28553, 17.96574, Fruangen),
            new FoundPlace("Fruängen", FoundPlaceKind.Neighbourhood, null, 59.28472, 17.96122, Fruangen),
            new FoundPlace("Fruängen station", FoundPlaceKind.Station, null, 59.2856, 17.9648, Fruangen),
            new FoundPlace("Fruängstorget", FoundPlaceKind.Square, null, 59.2858, 17.9655, Fruangen),
            new FoundPlace("Fruängens bibliotek", FoundPlaceKind.Venue, "Fruängsgården 9, 129 52 Hägersten", 59.28559, 17.96489, Fruangen),
        ]),
    ];
}
