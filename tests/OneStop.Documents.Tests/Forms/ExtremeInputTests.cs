using OneStop.Documents.Models;
using OneStop.Documents.Tests.Support;

namespace OneStop.Documents.Tests.Forms;

/// <summary>Very long organisation names and addresses must wrap, stay inside the margins and read back whole.</summary>
public class ExtremeInputTests
{
    private static readonly string GiantName = Samples.GiantApplicant.Name;

    private static readonly string GiantAddress = Samples.GiantApplicant.Address!;

    private static readonly Applicant Giant = Samples.GiantApplicant;

    public static TheoryData<string> Forms => ["receipt", "supplement", "rejection", "apology", "stop", "withdrawal", "control-slip", "result", "register"];

    [Theory]
    [MemberData(nameof(Forms))]
    public void Giant_names_and_addresses_wrap_inside_the_margins_and_read_back(string form)
    {
        var s = Renderer.Instance;
        var doc = form switch
        {
            "receipt" => s.RenderReceipt(Samples.Receipt() with { Applicant = Giant }),
            "supplement" => s.RenderSupplementRequest(Samples.Supplement() with { Applicant = Giant }),
            "rejection" => s.RenderRejection(Samples.Rejection() with { Applicant = Giant }),
            "apology" => s.RenderApology(Samples.Apology() with { Applicant = Giant }),
            "stop" => s.RenderStopProcessing(Samples.StopProcessing() with { Applicant = Giant }),
            "withdrawal" => s.RenderWithdrawalConfirmation(Samples.Withdrawal() with { Applicant = Giant }),
            "control-slip" => s.RenderControlSlip(Samples.ControlSlip() with { Applicant = Giant }),
            "result" => s.RenderResult(Samples.Result() with { Applicant = Giant }),
            _ => s.RenderRegister(GiantRegister()),
        };

        var text = PdfReadBack.Text(doc.Content);
        Renderer.AssertContains(text, GiantName);
        if (form is not ("control-slip" or "result"))
        {
            Renderer.AssertContains(text, GiantAddress);
        }

        var problems = Margins.Violations(doc.Content);
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(10)));
    }

    [Fact]
    public void A_correction_names_the_document_it_replaces()
    {
        var m = Samples.Receipt() with { Verification = Samples.Verification("9b1c") with { ReplacesCode = "A1B2C-D3E4F" } };
        var text = PdfReadBack.Text(Renderer.Instance.RenderReceipt(m).Content);
        Renderer.AssertContains(text, "Văn bản này thay thế văn bản có mã xác thực A1B2C-D3E4F.");
    }

    private static RegisterModel GiantRegister()
    {
        var m = Samples.Register(3);
        return m with { Entries = [m.Entries[0] with { ApplicantName = GiantName, ApplicantAddressAndPhone = GiantAddress }, .. m.Entries.Skip(1)] };
    }
}
