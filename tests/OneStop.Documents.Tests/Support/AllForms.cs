namespace OneStop.Documents.Tests.Support;

/// <summary>Every form rendered from sample data, by name, for tests that apply to all of them.</summary>
public static class AllForms
{
    public static IEnumerable<(string Name, Func<RenderedDocument> Render)> Cases()
    {
        var s = Renderer.Instance;
        yield return ("01-receipt", () => s.RenderReceipt(Samples.Receipt()));
        yield return ("01-receipt-long", () => s.RenderReceipt(Samples.Receipt(40)));
        yield return ("01-receipt-giant-applicant", () => s.RenderReceipt(Samples.Receipt() with { Applicant = Samples.GiantApplicant, SubmitterName = "Nguyễn Văn Hùng" }));
        yield return ("02-supplement-request", () => s.RenderSupplementRequest(Samples.Supplement()));
        yield return ("03-rejection", () => s.RenderRejection(Samples.Rejection()));
        yield return ("04-apology", () => s.RenderApology(Samples.Apology()));
        yield return ("05-stop-processing", () => s.RenderStopProcessing(Samples.StopProcessing()));
        yield return ("05-stop-processing-at-request", () => s.RenderStopProcessing(Samples.StopProcessing(atRequest: true)));
        yield return ("06-control-slip", () => s.RenderControlSlip(Samples.ControlSlip()));
        yield return ("06-control-slip-80-steps", () => s.RenderControlSlip(Samples.ControlSlip(80)));
        yield return ("07-register", () => s.RenderRegister(Samples.Register()));
        yield return ("07-register-500-rows", () => s.RenderRegister(Samples.Register(500)));
        yield return ("result", () => s.RenderResult(Samples.Result()));
        yield return ("withdrawal-confirmation", () => s.RenderWithdrawalConfirmation(Samples.Withdrawal()));
        yield return ("withdrawal-confirmation-40-documents", () => s.RenderWithdrawalConfirmation(Samples.Withdrawal(40)));
    }

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var (name, _) in Cases())
        {
            data.Add(name);
        }

        return data;
    }

    public static RenderedDocument Render(string name) => Cases().Single(c => c.Name == name).Render();
}
