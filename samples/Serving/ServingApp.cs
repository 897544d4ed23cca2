using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;

namespace Serving;

/// <summary>
/// The prediction service: an ASP.NET Core minimal API on the slim builder (no MVC, no
/// reflection-based JSON), listening on 127.0.0.1 only.
/// <list type="bullet">
/// <item><c>POST /predict</c>: <c>{"inputs": [[...], ...]}</c> → <c>{"outputs": [[...], ...]}</c>; a bad request gets a 400 and <c>{"error": "..."}</c>.</item>
/// <item><c>GET /healthz</c>: <c>ok</c> once the model is loaded.</item>
/// <item><c>GET /model</c>: the model's summary table.</item>
/// </list>
/// </summary>
public static class ServingApp
{
    /// <summary>Builds the service around <paramref name="predictor"/>; start it with <c>Run</c> or <c>StartAsync</c>.</summary>
    public static WebApplication Create(IPredictor predictor, ServingOptions options)
    {
        ArgumentNullException.ThrowIfNull(predictor);
        ArgumentNullException.ThrowIfNull(options);
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, options.Port);
            kestrel.Limits.MaxRequestBodySize = options.MaxBodyBytes;
            kestrel.AddServerHeader = false;
        });

        WebApplication app = builder.Build();
        var predict = new PredictEndpoint(predictor, options);
        string summary = predictor.Summary;
        app.MapPost("/predict", new RequestDelegate(predict.HandleAsync));
        app.MapGet("/healthz", new RequestDelegate(context => PlainText(context, "ok\n")));
        app.MapGet("/model", new RequestDelegate(context => PlainText(context, summary)));
        return app;
    }

    /// <summary>The address a started service listens on (<c>http://127.0.0.1:PORT</c>).</summary>
    public static Uri Address(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        IServerAddressesFeature addresses = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
        return new Uri(addresses.Addresses.Single());
    }

    private static Task PlainText(HttpContext context, string text)
    {
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(text);
    }
}
