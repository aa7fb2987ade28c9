using System.CommandLine;
using System.Text.Json.Nodes;
using Spectre.Console;
using Valence.Emotion.Inspection;

namespace Valence.Cli.Commands;

/// <summary><c>valence inspect FILE</c>: what a file or folder holds.</summary>
internal static class InspectCommand
{
    public static Command Create(CommandFactory factory)
    {
        var path = new Argument<string>("FILE") { Description = "A DEAP subject (.dat, .mat), an EDF/BDF recording (.edf, .bdf), a model or checkpoint (.safetensors, .ckpt), or a DEAP folder." };
        var command = new Command("inspect", "Show the format, shape, channels, sample rate and ratings/labels summary of a file or folder.");
        command.Arguments.Add(path);
        command.SetAction(result =>
        {
            var context = factory.Context(result);
            var inspection = FileInspector.Inspect(result.GetValue(path)!);
            if (context.Mode == OutputMode.Json)
            {
                var fields = new JsonObject();
                foreach (var field in inspection.Fields) fields[field.Name] = field.Value;
                context.Json.Write("inspection", new JsonObject { ["path"] = inspection.Path, ["kind"] = inspection.Kind, ["fields"] = fields });
                return ExitCodes.Success;
            }
            var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape($"{inspection.Path}: {inspection.Kind}"))
                .AddColumn("property").AddColumn("value");
            foreach (var field in inspection.Fields) table.AddRow(Markup.Escape(field.Name), Markup.Escape(field.Value));
            context.Console.Write(table);
            return ExitCodes.Success;
        });
        return command;
    }
}
