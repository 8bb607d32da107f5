package dev.bpkeeper.github;

import java.io.IOException;
import java.io.StringReader;
import java.security.PrivateKey;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/** Reads the App's private key from PEM: PKCS#1 ("BEGIN RSA PRIVATE KEY", what GitHub hands out) or PKCS#8. */
public final class PrivateKeys {

    private PrivateKeys() {
    }

    public static PrivateKey fromPem(String pem) {
        // Environment variables often carry the key with literal "\n" sequences.
        String text = pem.contains("\\n") && !pem.contains("\n") ? pem.replace("\\n", "\n") : pem;
        try (PEMParser parser = new PEMParser(new StringReader(text.strip()))) {
            Object object = parser.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            if (object instanceof PEMKeyPair pair) {
                return converter.getKeyPair(pair).getPrivate();
            }
            if (object instanceof PrivateKeyInfo info) {
                return converter.getPrivateKey(info);
            }
            // Never echo the input: it is a secret.
            throw new IllegalArgumentException("The GitHub App private key is not an unencrypted PEM private key"
                    + (object == null ? " (nothing PEM-shaped found)" : " (found " + object.getClass().getSimpleName() + ")"));
        } catch (IOException e) {
            throw new IllegalArgumentException("The GitHub App private key could not be read as PEM", e);
        }
    }
}
