using Markdig;
using Markdig.Syntax;

namespace Ent77.WebApi.Hosting;

/// <summary>
/// The terms of use (Markdown, stored with each version) as HTML for the pages, rendered by Markdig with raw
/// HTML disabled (the text can never bring markup or script), the document's own title dropped (the page shows it
/// as its <c>h1</c>) and the sections' headings starting at <c>topLevel</c>, so that they fit the page's outline.
/// </summary>
public static class TermsHtml
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();

    public static string Render(string markdown, int topLevel)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var heading in document.Descendants<HeadingBlock>().ToList())
        {
            if (heading.Level == 1)
            {
                heading.Parent!.Remove(heading);
                continue;
            }

            heading.Level = Math.Min(6, topLevel + heading.Level - 2);
        }

        return document.ToHtml(Pipeline).Trim();
    }
}
