using System.CommandLine;

namespace Valence.Cli.Commands;

/// <summary>Options whose value is one of a few names, each standing for a value of <typeparamref name="T"/>.</summary>
internal sealed class Choices<T>(params (string Name, T Value)[] choices)
{
    /// <summary>The names, in order.</summary>
    public string[] Names => [.. choices.Select(c => c.Name)];

    /// <summary>An option accepting only these names, with <paramref name="defaultValue"/>'s name as its default.</summary>
    public Option<string> Option(string name, string description, T defaultValue)
    {
        var option = new Option<string>(name) { Description = description, DefaultValueFactory = _ => NameOf(defaultValue) };
        option.AcceptOnlyFromAmong(Names);
        return option;
    }

    /// <summary>The value named <paramref name="name"/>.</summary>
    public T ValueOf(string name) => choices.First(c => c.Name == name).Value;

    /// <summary>The name of <paramref name="value"/>.</summary>
    public string NameOf(T value) => choices.First(c => EqualityComparer<T>.Default.Equals(c.Value, value)).Name;
}
