namespace Valence.Emotion.Tests.Training;

public class InMemoryWindowsTests
{
    [Fact]
    public void Copies_the_requested_windows_in_order()
    {
        var data = new InMemoryWindows([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], [0, 1, 0], channels: 2, length: 2, classCount: 2);
        var batch = new float[8];
        data.CopyBatch([2, 0], batch);
        Assert.Equal([8f, 9f, 10f, 11f, 0f, 1f, 2f, 3f], batch);
        Assert.Equal(1, data.Label(1));
    }
}
