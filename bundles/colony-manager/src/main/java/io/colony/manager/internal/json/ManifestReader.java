package io.colony.manager.internal.json;

import static io.colony.manager.internal.json.SpecFields.MANIFEST;
import static io.colony.manager.internal.json.SpecFields.MANIFEST_BUNDLES;
import static io.colony.manager.internal.json.SpecFields.MANIFEST_DELETE_WHEN_DONE;
import static io.colony.manager.internal.json.SpecFields.MANIFEST_REPOSITORIES;
import static io.colony.manager.internal.json.SpecFields.REPOSITORY_ID;
import static io.colony.manager.internal.json.SpecFields.REPOSITORY_URL;

import com.fasterxml.jackson.databind.JsonNode;
import io.colony.api.deploy.Manifest;
import io.colony.api.deploy.MavenRepository;
import io.colony.api.job.JobRejectedException;
import java.util.ArrayList;
import java.util.List;

/** Reads a job spec's {@code manifest} object (topology 2); every failure names its field, such as {@code manifest.bundles[1]}. */
final class ManifestReader {

    private static final List<String> FIELDS = List.of(MANIFEST_BUNDLES, MANIFEST_REPOSITORIES, MANIFEST_DELETE_WHEN_DONE);
    private static final List<String> REPOSITORY_FIELDS = List.of(REPOSITORY_ID, REPOSITORY_URL);

    private ManifestReader() {
    }

    static Manifest read(JsonNode manifest) throws JobRejectedException {
        if (!manifest.isObject()) {
            throw JsonValues.wrongType(MANIFEST, "an object with bundles, repositories and deleteWhenDone", manifest);
        }
        JsonValues.requireKnownFields(manifest, MANIFEST, FIELDS);
        List<String> bundles = new ArrayList<>();
        String bundlesPath = JsonValues.field(MANIFEST, MANIFEST_BUNDLES);
        JsonNode bundleArray = array(JsonValues.required(manifest, MANIFEST_BUNDLES, bundlesPath), bundlesPath);
        for (int index = 0; index < bundleArray.size(); index++) {
            bundles.add(JsonValues.nonBlankText(bundleArray.get(index), JsonValues.element(bundlesPath, index)));
        }
        List<MavenRepository> repositories = new ArrayList<>();
        String repositoriesPath = JsonValues.field(MANIFEST, MANIFEST_REPOSITORIES);
        JsonNode repositoryArray = array(JsonValues.required(manifest, MANIFEST_REPOSITORIES, repositoriesPath), repositoriesPath);
        for (int index = 0; index < repositoryArray.size(); index++) {
            repositories.add(repository(repositoryArray.get(index), JsonValues.element(repositoriesPath, index)));
        }
        JsonNode delete = manifest.get(MANIFEST_DELETE_WHEN_DONE);
        boolean deleteWhenDone = delete == null || JsonValues.bool(delete, JsonValues.field(MANIFEST, MANIFEST_DELETE_WHEN_DONE));
        try {
            return new Manifest(bundles, repositories, deleteWhenDone);
        } catch (IllegalArgumentException e) {
            throw SpecReader.rejected(MANIFEST, e);
        }
    }

    private static MavenRepository repository(JsonNode repository, String path) throws JobRejectedException {
        if (!repository.isObject()) {
            throw JsonValues.wrongType(path, "an object with id and url", repository);
        }
        JsonValues.requireKnownFields(repository, path, REPOSITORY_FIELDS);
        String idPath = JsonValues.field(path, REPOSITORY_ID);
        String urlPath = JsonValues.field(path, REPOSITORY_URL);
        String id = JsonValues.nonBlankText(JsonValues.required(repository, REPOSITORY_ID, idPath), idPath);
        String url = JsonValues.nonBlankText(JsonValues.required(repository, REPOSITORY_URL, urlPath), urlPath);
        try {
            return new MavenRepository(id, url);
        } catch (IllegalArgumentException e) {
            throw SpecReader.rejected(path, e);
        }
    }

    private static JsonNode array(JsonNode value, String path) throws JobRejectedException {
        if (!value.isArray()) {
            throw JsonValues.wrongType(path, "an array", value);
        }
        return value;
    }
}
