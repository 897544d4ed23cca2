using StaticKeras.Data;

namespace StaticKeras.IntegrationTests.Data;

/// <summary>The scikit-learn loaders on the bundled files, against the counts scikit-learn documents.</summary>
public sealed class SklearnDatasetsTests
{
    [Fact]
    public void Iris_has_150_flowers_in_three_species_of_50()
    {
        TabularData iris = SklearnDatasets.LoadIris(SampleData.Sklearn);
        Assert.Equal((150, 4), (iris.Count, iris.FeatureCount));
        Assert.Equal([50, 50, 50], iris.ClassCounts());
        Assert.Equal(["setosa", "versicolor", "virginica"], iris.ClassNames);
        Assert.Equal("petal width (cm)", iris.FeatureNames[3]);
        Assert.Equal([5.1f, 3.5f, 1.4f, 0.2f], iris.Features[..4]);
    }

    [Fact]
    public void Wine_and_breast_cancer_have_their_documented_classes_and_features()
    {
        TabularData wine = SklearnDatasets.LoadWine(SampleData.Sklearn);
        Assert.Equal((178, 13), (wine.Count, wine.FeatureCount));
        Assert.Equal([59, 71, 48], wine.ClassCounts());
        Assert.Equal(1065f, wine.Features[12]);

        TabularData cancer = SklearnDatasets.LoadBreastCancer(SampleData.Sklearn);
        Assert.Equal((569, 30), (cancer.Count, cancer.FeatureCount));
        Assert.Equal([212, 357], cancer.ClassCounts());
        Assert.Equal(["malignant", "benign"], cancer.ClassNames);
        Assert.Equal(["mean radius", "radius error", "worst radius", "worst fractal dimension"], new[] { 0, 10, 20, 29 }.Select(i => cancer.FeatureNames[i]));
        Assert.Equal(17.99f, cancer.Features[0]);
        Assert.Equal(0f, cancer.Labels[0]);
    }

    [Fact]
    public void Digits_are_1797_images_of_8_by_8_counts()
    {
        TabularData digits = SklearnDatasets.LoadDigits(SampleData.Sklearn);
        Assert.Equal((1797, 64), (digits.Count, digits.FeatureCount));
        Assert.Equal([178, 182, 177, 183, 181, 182, 181, 179, 174, 180], digits.ClassCounts());
        Assert.Equal("pixel_7_7", digits.FeatureNames[63]);
        Assert.InRange(digits.Features.Max(), 16f, 16f);
        var (x, y) = digits;
        Assert.Equal(1797 * 64, x.Length);
        Assert.Equal(1797, y.Length);
    }

    [Fact]
    public void A_missing_file_names_the_folder()
    {
        var error = Assert.Throws<FileNotFoundException>(() => SklearnDatasets.LoadIris(Path.GetTempPath()));
        Assert.Contains("'iris.csv' not found in", error.Message);
    }
}
