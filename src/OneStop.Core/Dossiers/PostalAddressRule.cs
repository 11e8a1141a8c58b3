using OneStop.Core.Common;

namespace OneStop.Core.Dossiers;

/// <summary>Where a result sent by post goes: required (and long enough to be an address) for post, dropped otherwise.</summary>
public static class PostalAddressRule
{
    public const int MinLength = 10;

    public const int MaxLength = 500;

    /// <summary>The cleaned address to keep for the chosen delivery, or a Vietnamese error naming the field.</summary>
    public static string? For(ResultDelivery delivery, string? postalAddress)
    {
        var address = Text.CleanOrNull(postalAddress);
        if (delivery == ResultDelivery.Post && (address is null || address.Length < MinLength))
        {
            throw new DomainException("dossier.postal_address_required", "Địa chỉ nhận qua bưu chính: bắt buộc nhập (số nhà, đường, xã/phường, tỉnh).");
        }

        if (address is { Length: > MaxLength })
        {
            throw new DomainException("dossier.postal_address_too_long", "Địa chỉ nhận qua bưu chính: tối đa 500 ký tự.");
        }

        return delivery == ResultDelivery.Post ? address : null;
    }
}
