using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace StaticKeras.Saving;

/// <summary>
/// Keras 3's <c>compile_config</c> (keras/src/trainers/trainer.py, <c>get_compile_config</c>) for a
/// compiled model: the optimizer serialized as a class with its name and learning rate, the loss
/// and metrics by their Keras names; and the full <c>config.json</c> text around the model's config.
/// </summary>
internal static class CompileConfig
{
    /// <summary>The model's config with <c>compile_config</c> added when <paramref name="optimizer"/> is set.</summary>
    public static string ConfigJson(string modelConfig, Optimizer? optimizer, Loss? loss, IReadOnlyList<Metric> metrics)
    {
        if (optimizer is null)
        {
            return modelConfig;
        }

        using var buffer = new System.IO.MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartObject("optimizer");
            json.WriteString("module", "keras.optimizers");
            json.WriteString("class_name", optimizer.GetType().Name);
            json.WriteStartObject("config");
            json.WriteString("name", optimizer.Name);
            if (optimizer.Schedule is null)
            {
                json.WriteNumber("learning_rate", double.Parse(optimizer.LearningRate.ToString("R", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture));
            }

            json.WriteEndObject();
            json.WriteNull("registered_name");
            json.WriteEndObject();
            if (loss is null)
            {
                json.WriteNull("loss");
            }
            else
            {
                json.WriteString("loss", loss.Name);
            }

            json.WriteNull("loss_weights");
            json.WriteStartArray("metrics");
            foreach (Metric metric in metrics)
            {
                json.WriteStringValue(metric.Name);
            }

            json.WriteEndArray();
            json.WriteNull("weighted_metrics");
            json.WriteBoolean("run_eagerly", false);
            json.WriteNumber("steps_per_execution", 1);
            json.WriteBoolean("jit_compile", false);
            json.WriteEndObject();
        }

        string compile = Encoding.UTF8.GetString(buffer.ToArray());
        return modelConfig.Substring(0, modelConfig.LastIndexOf('}')) + ", \"compile_config\": " + compile + "}";
    }
}
