using OneStop.Documents.Composition;
using OneStop.Documents.Models;
using OneStop.Documents.Templates;

namespace OneStop.Documents.Forms;

// A procedure's result document (licence, certificate, decision) filled from its template.
internal static class ResultForm
{
    public static DocumentLayout Build(ResultDocumentModel m)
    {
        var values = Values(m);
        var errors = Placeholders.Validate(m.Template, values.Keys);
        if (errors.Count > 0)
        {
            throw new TemplateValidationException(errors);
        }

        string Fill(string text) => Placeholders.Fill(text, values);
        var t = m.Template;
        var layout = FormParts.Layout(m.Header, Fill(t.Title), m.Verification, m.DossierCode);
        layout.Blocks.AddRange(FormParts.Title(Fill(t.Title), null, t.Subtitle is null ? null : Fill(t.Subtitle)));
        layout.Blocks.AddRange(t.Grounds.Select(g => FormParts.Text(Fill(g), FormParts.Italic)));
        layout.Blocks.AddRange(t.Paragraphs.Select(p => FormParts.Text(Fill(p))));
        if (t.Fields.Count > 0)
        {
            var table = new TableBlock([new TableColumn("", 35), new TableColumn("", 65)])
            {
                ShowHeader = false,
                BodyStyle = new TextStyle(13),
            };
            foreach (var f in t.Fields)
            {
                table.AddRow(new TableCell(Fill(f.Label), new TextStyle(13, Bold: true)), Fill(f.Value));
            }

            layout.Add(table);
        }

        layout.Blocks.AddRange(t.Closing.Select(c => FormParts.Text(Fill(c))));
        var recipients = t.Recipients.Count == 0 ? null : new List<Block> { FormParts.Recipients(t.Recipients.Select(Fill)) };
        layout.Add(new SignatureBlock([new Signatory(m.SignerTitle ?? Fill(t.SignerTitle), m.SignerName, "") { SlotKey = SignatureSlotKeys.Signer }], recipients));
        layout.Add(FormParts.Verification(m.Verification));
        return layout;
    }

    // The values placeholders can use: the dossier's form data plus a few built-in fields.
    public static Dictionary<string, string> Values(ResultDocumentModel m)
    {
        var values = new Dictionary<string, string>(m.FormData, StringComparer.Ordinal)
        {
            ["dossierCode"] = m.DossierCode,
            ["applicantName"] = m.Applicant.Name,
            ["applicantIdNumber"] = m.Applicant.IdNumber ?? "",
            ["applicantAddress"] = m.Applicant.Address ?? "",
            ["issuedDate"] = VnFormat.Date(m.Header.IssuedAt),
            ["reference"] = m.Header.Reference ?? "",
            ["agencyName"] = m.Header.AgencyInText,
        };
        return values;
    }
}
