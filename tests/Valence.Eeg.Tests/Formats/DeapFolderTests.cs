using Valence.Eeg.Formats;
using Valence.Eeg.Formats.Deap;
using Valence.Eeg.Formats.Mat;
using Valence.Eeg.Formats.Pickle;
using Valence.Eeg.Recordings;
using Valence.Eeg.Tests.Formats.Deap;

namespace Valence.Eeg.Tests.Formats;

public sealed class DeapFolderTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("valence-deap-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static SubjectRecording Recording(int subject, int trials = 2, int samples = 400)
    {
        var values = new float[trials * 40 * samples];
        for (int i = 0; i < values.Length; i++) values[i] = MathF.Sin(i * 0.01f * subject);
        var ratings = Enumerable.Range(0, trials).Select(t => new Ratings(1 + t, 9 - t, 5, 5)).ToArray();
        return new SubjectRecording(subject, values, trials, DeapChannels.Preprocessed, 128, ratings, 3, "test");
    }

    private string Folder(string name)
    {
        string path = Path.Combine(_root, name);
        Directory.CreateDirectory(path);
        return path;
    }

    [Fact]
    public void Finds_dat_subjects_in_numeric_order_and_reads_them_one_at_a_time()
    {
        string folder = Folder("py");
        foreach (int s in new[] { 10, 2, 1 }) DeapDatWriter.Write(Path.Combine(folder, $"s{s:D2}.dat"), Recording(s));
        File.WriteAllText(Path.Combine(folder, "notes.txt"), "not a subject");

        var deap = DeapFolder.Open(folder);
        Assert.Equal(DeapFormat.PreprocessedPython, deap.Format);
        Assert.Equal([1, 2, 10], deap.Subjects);
        var read = deap.ReadAll().ToList();
        Assert.Equal([1, 2, 10], read.Select(r => r.Subject));
        Assert.Equal(Recording(10).Samples.ToArray(), read[2].Samples.ToArray());
        Assert.Equal(Recording(10).Ratings, read[2].Ratings);
    }

    [Fact]
    public void Finds_mat_files_in_DEAPs_download_layout()
    {
        string folder = Folder("download");
        string matlab = Path.Combine(folder, "data_preprocessed_matlab");
        Directory.CreateDirectory(matlab);
        DeapMatWriter.Write(Path.Combine(matlab, "s05.mat"), Recording(5));

        var deap = DeapFolder.Open(folder);
        Assert.Equal(DeapFormat.PreprocessedMatlab, deap.Format);
        Assert.Equal([5], deap.Subjects);
        Assert.Equal(Recording(5).Samples.ToArray(), deap.Read(5).Samples.ToArray());
    }

    [Fact]
    public void Survey_names_missing_empty_and_foreign_files_before_anything_is_read()
    {
        string folder = Folder("gaps");
        DeapDatWriter.Write(Path.Combine(folder, "s01.dat"), Recording(1));
        File.WriteAllBytes(Path.Combine(folder, "s03.dat"), []);
        File.WriteAllText(Path.Combine(folder, "s04.dat"), "hello, not a pickle");

        var survey = DeapFolder.Open(folder).Survey();
        Assert.Equal([1, 2, 3, 4], survey.Select(s => s.Subject));
        Assert.True(survey[0].IsReadable);
        Assert.Equal("missing", survey[1].Problem);
        Assert.EndsWith("s02.dat", survey[1].Path);
        Assert.Contains("empty", survey[2].Problem);
        Assert.Contains("pickle", survey[3].Problem);
    }

    [Fact]
    public void A_folder_with_two_forms_must_be_told_which_to_use()
    {
        string folder = Folder("mixed");
        DeapDatWriter.Write(Path.Combine(folder, "s01.dat"), Recording(1));
        DeapMatWriter.Write(Path.Combine(folder, "s01.mat"), Recording(1));
        var e = Assert.Throws<EegFormatException>(() => DeapFolder.Open(folder));
        Assert.Contains("several forms", e.Message);
        Assert.Equal(DeapFormat.PreprocessedMatlab, DeapFolder.Open(folder, DeapFormat.PreprocessedMatlab).Format);
    }

    [Fact]
    public void One_subject_file_opens_alone_and_a_badly_named_one_is_refused()
    {
        string folder = Folder("single");
        string file = Path.Combine(folder, "s07.dat");
        DeapDatWriter.Write(file, Recording(7));
        Assert.Equal([7], DeapFolder.Open(file).Subjects);

        string odd = Path.Combine(folder, "subject7.dat");
        File.Copy(file, odd);
        Assert.Contains("sNN.dat", Assert.Throws<EegFormatException>(() => DeapFolder.Open(odd)).Message);
    }

    [Fact]
    public void Raw_recordings_are_read_with_their_ratings_file()
    {
        var deap = DeapFolder.Open(DeapFixtures.PathOf(""), rawOptions: DeapFixtures.Options);
        Assert.Equal(DeapFormat.Raw, deap.Format);
        Assert.Equal([1, 2, 29], deap.Subjects);
        Assert.All(deap.Survey().Where(s => deap.Subjects.Contains(s.Subject)), s => Assert.True(s.IsReadable, s.Problem));
        var expected = DeapRawReader.Read(DeapFixtures.PathOf("s02.bdf"), DeapFixtures.RatingsPath, DeapFixtures.Options);
        Assert.Equal(expected.Samples.ToArray(), deap.Read(2).Samples.ToArray());
    }

    [Fact]
    public void Raw_recordings_without_ratings_are_refused_up_front()
    {
        string folder = Folder("raw");
        File.Copy(DeapFixtures.PathOf("s01.bdf"), Path.Combine(folder, "s01.bdf"));
        Assert.Contains(DeapFolder.RatingsFileName, Assert.Throws<EegFormatException>(() => DeapFolder.Open(folder)).Message);
    }

    [Fact]
    public void An_empty_folder_and_a_missing_one_say_so()
    {
        Assert.Contains("no DEAP files", Assert.Throws<EegFormatException>(() => DeapFolder.Open(Folder("empty"))).Message);
        Assert.Throws<DirectoryNotFoundException>(() => DeapFolder.Open(Path.Combine(_root, "nowhere")));
    }
}
