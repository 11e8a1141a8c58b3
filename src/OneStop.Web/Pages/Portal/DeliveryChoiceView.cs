using OneStop.Core.Dossiers;

namespace OneStop.Web.Pages.Portal;

/// <summary>What the delivery-choice partial shows: the current choice, the address, and the message about it.</summary>
public sealed record DeliveryChoiceView(ResultDelivery? Delivery, string? PostalAddress, string? Error);
