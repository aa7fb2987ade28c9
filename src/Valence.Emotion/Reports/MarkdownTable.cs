using System.Text;

namespace Valence.Emotion.Reports;

/// <summary>A GitHub-flavoured markdown table: a header, then rows of cells (escaped for a cell).</summary>
internal sealed class MarkdownTable
{
    private readonly string[] _header;
    private readonly int _textColumns;
    private readonly List<string[]> _rows = [];

    /// <summary>A table with these column titles; the first column is left-aligned text, the others right-aligned numbers.</summary>
    public MarkdownTable(params string[] header) : this(textColumns: 1, header) { }

    /// <summary>A table whose first <paramref name="textColumns"/> columns are left-aligned text and the others right-aligned numbers.</summary>
    public MarkdownTable(int textColumns, params string[] header)
    {
        _header = header;
        _textColumns = textColumns;
    }

    /// <summary>Adds a row; it must have one cell per column.</summary>
    public MarkdownTable Add(params string[] cells)
    {
        if (cells.Length != _header.Length)
            throw new ArgumentException($"the row has {cells.Length} cells but the table {_header.Length} columns.", nameof(cells));
        _rows.Add(cells);
        return this;
    }

    /// <summary>Appends the table, followed by a blank line.</summary>
    public void AppendTo(StringBuilder text)
    {
        AppendRow(text, _header);
        text.Append('|');
        for (int c = 0; c < _header.Length; c++) text.Append(c < _textColumns ? "---|" : "---:|");
        text.Append('\n');
        foreach (var row in _rows) AppendRow(text, row);
        text.Append('\n');
    }

    private static void AppendRow(StringBuilder text, string[] cells)
    {
        text.Append('|');
        foreach (var cell in cells) text.Append(' ').Append(ReportFormat.Cell(cell)).Append(" |");
        text.Append('\n');
    }
}
