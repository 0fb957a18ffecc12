package io.colony.deployer.internal.resolve;

import java.io.File;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.aether.transfer.AbstractTransferListener;
import org.eclipse.aether.transfer.TransferEvent;

/**
 * What one resolution fetched from repositories (POMs and artifacts, not their checksums), and from
 * which: nothing fetched means everything came from the node's cache.
 */
final class DownloadCounter extends AbstractTransferListener {

    private final Map<Path, String> downloaded = new ConcurrentHashMap<>();

    @Override
    public void transferSucceeded(TransferEvent event) {
        File file = event.getResource().getFile();
        if (event.getRequestType() == TransferEvent.RequestType.GET && file != null && !isChecksum(event.getResource().getResourceName())) {
            downloaded.put(file.toPath().toAbsolutePath().normalize(), event.getResource().getRepositoryId());
        }
    }

    int downloads() {
        return downloaded.size();
    }

    /** The repository the file was downloaded from in this resolution, if it was. */
    Optional<String> repositoryOf(Path file) {
        return Optional.ofNullable(downloaded.get(file.toAbsolutePath().normalize()));
    }

    private static boolean isChecksum(String name) {
        return name.endsWith(".sha1") || name.endsWith(".md5") || name.endsWith(".sha256") || name.endsWith(".sha512");
    }
}
