using System;
using System.Globalization;
using System.IO;
using System.Linq;

namespace StaticKeras.Data;

/// <summary>
/// scikit-learn's small bundled data sets (sklearn/datasets/_base.py: <c>load_iris</c>,
/// <c>load_wine</c>, <c>load_breast_cancer</c>, <c>load_digits</c>) from the CSV files scikit-learn
/// ships, with its feature and class names. The repository keeps copies in
/// <c>samples/data/sklearn</c> (see the PROVENANCE.md there).
/// </summary>
public static class SklearnDatasets
{
    private static readonly string[] BreastCancerMeasures =
    [
        "radius", "texture", "perimeter", "area", "smoothness", "compactness", "concavity", "concave points", "symmetry", "fractal dimension",
    ];

    /// <summary>Iris: 150 flowers, 4 measurements in cm, 3 species (50 each).</summary>
    /// <param name="directory">The folder holding <c>iris.csv</c>.</param>
    public static TabularData LoadIris(string directory) =>
        LoadWithHeader(directory, "iris.csv", ["sepal length (cm)", "sepal width (cm)", "petal length (cm)", "petal width (cm)"]);

    /// <summary>Wine: 178 wines, 13 chemical measurements, 3 cultivars (59, 71, 48).</summary>
    /// <param name="directory">The folder holding <c>wine_data.csv</c>.</param>
    public static TabularData LoadWine(string directory) =>
        LoadWithHeader(
            directory,
            "wine_data.csv",
            ["alcohol", "malic_acid", "ash", "alcalinity_of_ash", "magnesium", "total_phenols", "flavanoids", "nonflavanoid_phenols", "proanthocyanins", "color_intensity", "hue", "od280/od315_of_diluted_wines", "proline"]);

    /// <summary>Breast cancer Wisconsin (diagnostic): 569 tumours, 30 features, malignant (0, 212) or benign (1, 357).</summary>
    /// <param name="directory">The folder holding <c>breast_cancer.csv</c>.</param>
    public static TabularData LoadBreastCancer(string directory) =>
        LoadWithHeader(
            directory,
            "breast_cancer.csv",
            [.. BreastCancerMeasures.Select(m => "mean " + m), .. BreastCancerMeasures.Select(m => m + " error"), .. BreastCancerMeasures.Select(m => "worst " + m)]);

    /// <summary>Digits: 1,797 handwritten digits as 8 × 8 images of counts 0..16 (unscaled, as scikit-learn), 10 classes.</summary>
    /// <param name="directory">The folder holding <c>digits.csv.gz</c>.</param>
    public static TabularData LoadDigits(string directory)
    {
        string path = Find(directory, "digits.csv.gz");
        string[] pixels = Enumerable.Range(0, 64).Select(i => string.Create(CultureInfo.InvariantCulture, $"pixel_{i / 8}_{i % 8}")).ToArray();
        TabularData table = Csv.Load(path, labelColumn: -1, hasHeader: false);
        Check(path, table.FeatureCount == 64, $"has {table.FeatureCount} features per row; digits have 64 (8 × 8 pixels)");
        return new TabularData(table.Features, table.Labels, pixels, Enumerable.Range(0, 10).Select(d => d.ToString(CultureInfo.InvariantCulture)).ToArray());
    }

    /// <summary>
    /// scikit-learn's CSV layout: a first line <c>n_samples,n_features,class names...</c>, then one
    /// row per sample of the features and the class id.
    /// </summary>
    private static TabularData LoadWithHeader(string directory, string file, string[] featureNames)
    {
        string path = Find(directory, file);
        var records = CsvReader.ReadFile(path);
        Check(path, records.Count > 1 && records[0].Length >= 2, "does not start with scikit-learn's header line n_samples,n_features,class names");
        int samples = (int)Csv.Number(records[0][0], path, -1, "n_samples");
        int features = (int)Csv.Number(records[0][1], path, -1, "n_features");
        string[] classes = records[0][2..];
        Check(path, features == featureNames.Length, $"declares {features} features; this data set has {featureNames.Length}");
        Check(path, records.Count - 1 == samples, $"declares {samples} samples but holds {records.Count - 1} rows");
        var x = new float[samples * features];
        var y = new float[samples];
        for (int r = 0; r < samples; r++)
        {
            string[] row = records[r + 1];
            Check(path, row.Length == features + 1, $"row {r + 1} has {row.Length} fields; it needs {features} features and the class id");
            for (int c = 0; c < features; c++)
            {
                x[(r * features) + c] = Csv.Number(row[c], path, r, featureNames[c]);
            }

            y[r] = Csv.Number(row[features], path, r, "target");
            Check(path, y[r] >= 0 && y[r] < classes.Length && y[r] == MathF.Floor(y[r]), $"row {r + 1} has class {row[features]}, not an id below {classes.Length}");
        }

        return new TabularData(x, y, featureNames, classes);
    }

    private static string Find(string directory, string file)
    {
        string path = Path.Combine(directory, file);
        return File.Exists(path) ? path : throw new FileNotFoundException($"scikit-learn data file '{file}' not found in '{Path.GetFullPath(directory)}'. The repository has it in samples/data/sklearn.", path);
    }

    private static void Check(string path, bool condition, string problem)
    {
        if (!condition)
        {
            throw new InvalidDataException($"'{path}' {problem}.");
        }
    }
}
