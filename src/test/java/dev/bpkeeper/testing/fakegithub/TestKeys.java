package dev.bpkeeper.testing.fakegithub;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;

/** App keys made for a test run (no key is ever committed), in the form GitHub hands them out. */
public final class TestKeys {
    private TestKeys() {
    }

    public static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** "-----BEGIN RSA PRIVATE KEY-----": BouncyCastle writes RSA keys in the traditional PKCS#1 form. */
    public static String pkcs1Pem(KeyPair keys) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(keys);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
