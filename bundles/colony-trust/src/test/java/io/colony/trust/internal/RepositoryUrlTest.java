package io.colony.trust.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RepositoryUrlTest {

    private static String normalised(String url) {
        return RepositoryUrl.parse(url).normalised();
    }

    private static boolean within(String url, String allowed) {
        return RepositoryUrl.parse(url).isWithin(RepositoryUrl.parse(allowed));
    }

    private static String refusal(String url) {
        return assertThrows(IllegalArgumentException.class, () -> RepositoryUrl.parse(url), url).getMessage();
    }

    @Test
    void schemeAndHostAreLowerCasedAndThePathKeepsItsCase() {
        assertEquals("https://repo.example.org/Maven2", normalised("HTTPS://Repo.Example.ORG/Maven2"));
    }

    @Test
    void trailingSlashesAndDefaultPortsAreDropped() {
        assertEquals("https://repo.example.org/maven2", normalised("https://repo.example.org:443/maven2/"));
        assertEquals("http://repo.example.org", normalised("http://repo.example.org:80//"));
        assertEquals("https://repo.example.org:8443/maven2", normalised("https://repo.example.org:8443/maven2"));
        assertEquals("http://repo.example.org:443", normalised("http://repo.example.org:443"));
    }

    @Test
    void fileUrlsWithOneOrThreeSlashesOrLocalhostAreTheSame() {
        assertEquals("file:///srv/repo", normalised("file:/srv/repo"));
        assertEquals("file:///srv/repo", normalised("file:///srv/repo/"));
        assertEquals("file:///srv/repo", normalised("FILE://localhost/srv/repo"));
        assertEquals("file://fileserver/srv/repo", normalised("file://fileserver/srv/repo"));
    }

    @Test
    void thePathIsComparedDecoded() {
        assertEquals("file:///srv/my repo", normalised("file:/srv/my%20repo"));
        assertTrue(within("https://repo.example.org/maven%32/org", "https://repo.example.org/maven2"));
    }

    @Test
    void aUrlIsWithinAnAllowedOneWhenEqualOrBelowIt() {
        assertTrue(within("https://repo.example.org/maven2", "https://repo.example.org/maven2/"));
        assertTrue(within("https://repo.example.org/maven2/", "https://repo.example.org/maven2"));
        assertTrue(within("https://repo.example.org/maven2/releases", "https://repo.example.org/maven2"));
        assertTrue(within("https://repo.example.org/anything", "https://repo.example.org"));
        assertTrue(within("file:///srv/repo/sub", "file:/srv/repo"));
    }

    @Test
    void aUrlIsNotWithinASiblingWhoseNameItStartsWith() {
        assertFalse(within("https://repo.example.org/maven2-evil", "https://repo.example.org/maven2"));
        assertFalse(within("https://repo.example.org/maven", "https://repo.example.org/maven2"));
        assertFalse(within("https://repo.example.org.evil.com/maven2", "https://repo.example.org"));
        assertFalse(within("https://repo.example.org:8443/maven2", "https://repo.example.org"));
        assertFalse(within("http://repo.example.org/maven2", "https://repo.example.org/maven2"));
        assertFalse(within("file:///srv/repository", "file:///srv/repo"));
    }

    @Test
    void dotSegmentsAreRefusedEvenEncodedOrWithParameters() {
        for (String url : new String[] {"https://repo.example.org/maven2/../evil", "https://repo.example.org/maven2/..",
                "https://repo.example.org/maven2/%2e%2e/evil", "https://repo.example.org/maven2/%2E./evil",
                "https://repo.example.org/maven2/..;/evil", "https://repo.example.org/maven2/./x", "file:/srv/repo/../../etc"}) {
            assertEquals("'.' and '..' path segments are not accepted", refusal(url));
        }
        assertEquals("https://repo.example.org/maven2/..x", normalised("https://repo.example.org/maven2/..x"));
    }

    @Test
    void encodedSlashesAndControlCharactersAreRefused() {
        assertEquals("an encoded '/' or '\\' (%2F, %5C) in the path is not accepted", refusal("https://repo.example.org/maven2%2F..%2Fevil"));
        assertEquals("an encoded '/' or '\\' (%2F, %5C) in the path is not accepted", refusal("https://repo.example.org/maven2%5cevil"));
        assertEquals("control characters in the path are not accepted", refusal("https://repo.example.org/maven2%00/x"));
    }

    @Test
    void credentialsQueriesAndFragmentsAreRefused() {
        assertEquals("credentials in a repository URL are not accepted", refusal("https://repo.example.org@evil.com/maven2"));
        assertEquals("credentials in a repository URL are not accepted", refusal("https://user:secret@repo.example.org/maven2"));
        assertEquals("a repository URL has no query or fragment", refusal("https://repo.example.org/maven2?x=/.."));
        assertEquals("a repository URL has no query or fragment", refusal("https://repo.example.org/maven2#x"));
    }

    @Test
    void otherSchemesRelativeAndMalformedUrlsAreRefused() {
        assertEquals("not a file:, http: or https: URL", refusal("ftp://repo.example.org/maven2"));
        assertEquals("not a file:, http: or https: URL", refusal("/srv/repo"));
        assertEquals("not an absolute URL (file: URLs are written file:/path or file:///path)", refusal("file:srv/repo"));
        assertEquals("an https: URL needs a host", refusal("https:/maven2"));
        assertEquals("the host 'repo_1.example.org' is not a valid host name", refusal("https://repo_1.example.org/maven2"));
        assertTrue(refusal("https://repo.example.org/my repo").startsWith("not a URL: "));
        assertEquals("a repository URL is missing", refusal(" "));
        assertEquals("longer than 1024 characters", refusal("https://repo.example.org/" + "x".repeat(1024)));
    }
}
