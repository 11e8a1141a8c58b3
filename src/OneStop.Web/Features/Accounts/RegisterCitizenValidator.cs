using FluentValidation;
using OneStop.Core.Common;

namespace OneStop.Web.Features.Accounts;

/// <summary>Vietnamese messages naming the field, shared by the page and the API.</summary>
public sealed class RegisterCitizenValidator : AbstractValidator<RegisterCitizen>
{
    public RegisterCitizenValidator()
    {
        RuleFor(x => x.FullName).NotEmpty().WithMessage("Họ và tên: bắt buộc nhập.")
            .MaximumLength(200).WithMessage("Họ và tên: tối đa 200 ký tự.");
        RuleFor(x => x.Email).NotEmpty().WithMessage("E-mail: bắt buộc nhập.")
            .EmailAddress().WithMessage("E-mail: không đúng định dạng.");
        RuleFor(x => x.IdNumber).Must(VietnameseFormats.IsIdNumber)
            .WithMessage("Số CCCD/CMND: phải gồm 12 chữ số (CCCD) hoặc 9 chữ số (CMND).");
        RuleFor(x => x.Phone).Must(p => VietnameseFormats.NormalizePhone(p) is not null)
            .WithMessage("Số điện thoại: phải gồm 10 chữ số, bắt đầu bằng 0 (hoặc +84).");
        RuleFor(x => x.Password).NotEmpty().WithMessage("Mật khẩu: bắt buộc nhập.")
            .MinimumLength(8).WithMessage("Mật khẩu: ít nhất 8 ký tự.");
    }
}
