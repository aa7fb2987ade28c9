using System.Text;
using Valence.Eeg.Formats;
using Valence.Eeg.Formats.Deap;
using Valence.Eeg.Formats.Edf;
using Valence.Eeg.Tests.Formats.Edf;
using static Valence.Eeg.Tests.Formats.Deap.DeapFixtures;

namespace Valence.Eeg.Tests.Formats.Deap;

/// <summary>Corrupted raw recordings and ratings files: a clean recording or an EegFormatException, nothing else.</summary>
public class DeapMutationTests
{
    [Theory]
    [InlineData("s01.bdf", 1)]
    [InlineData("s29.bdf", 29)]
    public void Corrupted_recordings_read_cleanly_or_give_EegFormatException(string file, int participant)
    {
        byte[] original = File.ReadAllBytes(PathOf(file));
        var table = DeapRatingsTable.Load(RatingsPath);
        var fields = EdfMutationTests.NumberFields(int.Parse(Encoding.ASCII.GetString(original, 252, 4)));
        var random = new Random(participant * 7919);
        int refused = 0;
        const int mutations = 800;
        for (int i = 0; i < mutations; i++)
        {
            (byte[] bytes, string what) = ByteMutations.Mutate(original, random, fields);
            try
            {
                using var reader = new EdfReader(new MemoryStream(bytes), file);
                DeapRawReader.Read(reader, table, participant, Options);
            }
            catch (EegFormatException)
            {
                refused++;
            }
            catch (Exception e)
            {
                Assert.Fail($"{file}, mutation {i} ({what}): {e.GetType().Name}: {e.Message}");
            }
        }
        Assert.InRange(refused, mutations / 10, mutations);
    }

    [Fact]
    public void Corrupted_ratings_parse_cleanly_or_give_EegFormatException()
    {
        string original = File.ReadAllText(RatingsPath);
        const string alphabet = "0123456789.,-+ e\n\r\"x\u00e9";
        var random = new Random(42);
        int refused = 0;
        const int mutations = 2000;
        for (int i = 0; i < mutations; i++)
        {
            var text = new StringBuilder(original);
            int edits = random.Next(1, 4);
            for (int k = 0; k < edits && text.Length > 0; k++)
            {
                int at = random.Next(text.Length);
                switch (random.Next(3))
                {
                    case 0: text[at] = alphabet[random.Next(alphabet.Length)]; break;
                    case 1: text.Remove(at, Math.Min(text.Length - at, random.Next(1, 6))); break;
                    default: text.Insert(at, alphabet[random.Next(alphabet.Length)]); break;
                }
            }
            try
            {
                var table = DeapRatingsTable.Parse(text.ToString(), "ratings.csv");
                DeapRawReader.Read(PathOf("s01.bdf"), table, 1, Options);
            }
            catch (EegFormatException)
            {
                refused++;
            }
            catch (Exception e)
            {
                Assert.Fail($"mutation {i}: {e.GetType().Name}: {e.Message}\n{text}");
            }
        }
        Assert.InRange(refused, mutations / 10, mutations);
    }
}
