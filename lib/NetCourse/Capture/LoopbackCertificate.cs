using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace NetCourse.Capture;

/// <summary>A throw-away TLS certificate made on the fly (never written to disk): a self-signed ECDSA P-256 key.</summary>
public static class LoopbackCertificate
{
    /// <summary>The name the course's HTTPS server answers to (the <c>.test</c> domain is reserved, RFC 2606).</summary>
    public const string ServerName = "serveur.netcourse.test";

    /// <summary>Makes a self-signed certificate for <paramref name="hostName"/>, valid one day, with its private key.</summary>
    public static X509Certificate2 Create(string hostName = ServerName)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={hostName}", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(hostName);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        var now = DateTimeOffset.UtcNow;
        using var made = request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));
        // Round-trip through PKCS#12 so the private key is usable by SslStream on every platform.
        return X509CertificateLoader.LoadPkcs12(made.Export(X509ContentType.Pkcs12), null);
    }
}
