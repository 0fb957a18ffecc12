package io.colony.trust.internal;

import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.PKIXCertPathValidatorResult;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXReason;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.security.auth.x500.X500Principal;

/**
 * Whether the certificate chain of a jar's signer leads to the truststore: the signer's certificate is
 * one of its certificates, or the chain validates (PKIX, without revocation checks) up to one of them,
 * so that a signer issued by a trusted CA (directly or through intermediate CAs) is trusted. Every certificate on the way, the trusted one
 * included, must be valid now. A chain comes from the jar, that is from whoever made it: only the
 * signatures that link it to a trusted certificate count, never the certificates it merely contains.
 */
final class SignerTrust {

    /**
     * @param trusted whether the signer is trusted
     * @param reason  for a phrase after "jar 'x' is ": who signed it and why it is trusted or not
     */
    record Verdict(boolean trusted, String reason) {
    }

    private final Truststore truststore;
    private final Set<TrustAnchor> anchors;

    SignerTrust(Truststore truststore) {
        this.truststore = truststore;
        this.anchors = truststore.certificates().stream().map(certificate -> new TrustAnchor(certificate, null)).collect(Collectors.toSet());
    }

    Verdict check(List<X509Certificate> chain) {
        if (chain.isEmpty()) {
            return new Verdict(false, "signed with an empty certificate chain");
        }
        X509Certificate signer = chain.get(0);
        String signed = "signed by " + subject(signer);
        if (truststore.certificates().contains(signer)) {
            return unlessInvalid(signer, signed + ", a trusted certificate");
        }
        Optional<String> failure = Optional.empty();
        for (int length = linkedLength(chain); length > 0; length--) {
            try {
                X509Certificate issuer = validate(chain.subList(0, length));
                return unlessInvalid(issuer, signed + ", whose certificate chain leads to the trusted certificate " + subject(issuer));
            } catch (CertPathValidatorException e) {
                if (failure.isEmpty() && e.getReason() != PKIXReason.NO_TRUST_ANCHOR) {
                    failure = Optional.of(problem(chain, e));
                }
            } catch (GeneralSecurityException e) {
                failure = failure.or(() -> Optional.of("but its certificate chain cannot be checked: " + e.getMessage()));
            }
        }
        return new Verdict(false, signed + ", " + failure.orElse("which is neither a trusted certificate nor issued by one"));
    }

    /**
     * How many certificates from the signer on name their successor's subject as their issuer: those
     * after a break cannot be part of a valid path, and only muddle the reason when it fails.
     */
    private static int linkedLength(List<X509Certificate> chain) {
        int length = 1;
        while (length < chain.size() && chain.get(length - 1).getIssuerX500Principal().equals(chain.get(length).getSubjectX500Principal())) {
            length++;
        }
        return length;
    }

    private static Verdict unlessInvalid(X509Certificate trusted, String signedAndTrusted) {
        return validity(trusted).map(invalid -> new Verdict(false, signedAndTrusted + " that " + invalid))
                .orElseGet(() -> new Verdict(true, signedAndTrusted));
    }

    /** @return the trusted certificate the chain leads to */
    private X509Certificate validate(List<X509Certificate> chain) throws GeneralSecurityException {
        PKIXParameters parameters = new PKIXParameters(anchors);
        parameters.setRevocationEnabled(false);
        CertPathValidator validator = CertPathValidator.getInstance("PKIX");
        PKIXCertPathValidatorResult result = (PKIXCertPathValidatorResult) validator.validate(
                CertificateFactory.getInstance("X.509").generateCertPath(chain), parameters);
        return result.getTrustAnchor().getTrustedCert();
    }

    private static String problem(List<X509Certificate> chain, CertPathValidatorException e) {
        int index = e.getIndex();
        String which = index == 0 ? "its certificate" : index > 0 && index < chain.size() ? "the certificate " + subject(chain.get(index)) + " of its chain"
                : "its chain";
        if (e.getReason() == CertPathValidatorException.BasicReason.EXPIRED) {
            return "but " + which + " has expired";
        }
        if (e.getReason() == CertPathValidatorException.BasicReason.NOT_YET_VALID) {
            return "but " + which + " is not yet valid";
        }
        return "but " + which + " does not validate: " + e.getMessage();
    }

    /** Why the certificate is not valid now, if it is not. */
    private static Optional<String> validity(X509Certificate certificate) {
        try {
            certificate.checkValidity();
            return Optional.empty();
        } catch (CertificateExpiredException e) {
            return Optional.of("has expired");
        } catch (CertificateNotYetValidException e) {
            return Optional.of("is not yet valid");
        }
    }

    static String subject(X509Certificate certificate) {
        return Quoted.of(certificate.getSubjectX500Principal().getName(X500Principal.RFC2253));
    }
}
