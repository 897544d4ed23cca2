using StaticKeras.Data;

namespace StaticKeras.IntegrationTests.Data;

/// <summary>TrainTestSplit as scikit-learn's train_test_split: sizes, seeds, stratification, and every row exactly once.</summary>
public sealed class DataSplitTests
{
    [Fact]
    public void The_test_part_is_the_rounded_up_fraction_and_every_row_lands_once()
    {
        TabularData cancer = SklearnDatasets.LoadBreastCancer(SampleData.Sklearn);
        var (train, test) = cancer.TrainTestSplit(testSize: 0.2, seed: 42);
        Assert.Equal((455, 114), (train.Count, test.Count)); // ceil(0.2 · 569) = 114
        var rows = new HashSet<string>();
        foreach (TabularData part in new[] { train, test })
        {
            for (int i = 0; i < part.Count; i++)
            {
                Assert.True(rows.Add(string.Join(",", part.Features.AsSpan(i * 30, 30).ToArray()) + "|" + part.Labels[i]));
            }
        }

        Assert.Equal(569, rows.Count);
    }

    [Fact]
    public void The_same_seed_gives_the_same_split_and_another_seed_another()
    {
        TabularData iris = SklearnDatasets.LoadIris(SampleData.Sklearn);
        Assert.Equal(iris.TrainTestSplit(seed: 1).Test.Features, iris.TrainTestSplit(seed: 1).Test.Features);
        Assert.NotEqual(iris.TrainTestSplit(seed: 1).Test.Features, iris.TrainTestSplit(seed: 2).Test.Features);
    }

    [Fact]
    public void Stratified_splits_keep_each_class_share()
    {
        TabularData wine = SklearnDatasets.LoadWine(SampleData.Sklearn);
        var (train, test) = wine.TrainTestSplit(testSize: 0.25, seed: 3, stratify: true);
        Assert.Equal(45, test.Count);
        int[] all = wine.ClassCounts(), inTest = test.ClassCounts();
        for (int c = 0; c < all.Length; c++)
        {
            Assert.InRange(inTest[c], (all[c] * 0.25) - 1, (all[c] * 0.25) + 1);
        }

        Assert.Equal(all, train.ClassCounts().Zip(inTest, (a, b) => a + b));
    }

    [Fact]
    public void One_hot_targets_stratify_by_their_argmax_and_unshuffled_splits_keep_order()
    {
        float[] x = Enumerable.Range(0, 8).Select(i => (float)i).ToArray();
        float[] oneHot = Enumerable.Range(0, 8).SelectMany(i => i < 6 ? new[] { 1f, 0f } : new[] { 0f, 1f }).ToArray();
        var (_, xTest, _, yTest) = DataSplit.TrainTestSplit(x, oneHot, testSize: 0.5, seed: 4, stratify: true, samples: 8);
        Assert.Equal(4, xTest.Length);
        Assert.Single(yTest.Where((v, i) => i % 2 == 1 && v == 1));

        var (xTrain, xLast, _, _) = DataSplit.TrainTestSplit(x, Enumerable.Range(0, 8).ToArray(), testSize: 0.25, shuffle: false);
        Assert.Equal([0f, 1, 2, 3, 4, 5], xTrain);
        Assert.Equal([6f, 7], xLast);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(0.99)]
    public void A_fraction_that_empties_a_part_is_rejected(double testSize)
    {
        var error = Assert.Throws<ArgumentException>(() => DataSplit.TrainTestSplit(new float[10], new float[10], testSize));
        Assert.Contains("testSize must be in (0, 1) and leave both parts non-empty", error.Message);
    }
}
