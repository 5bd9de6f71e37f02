package dev.camelgateway.routing;

import java.nio.file.Path;

/**
 * {@code gateway.providers.<id>.vertex} of a {@code type: vertex} deployment: the Google Cloud project and location
 * its models are called in, and the credentials (a service account JSON file, or the workload's own identity).
 */
public class VertexSettings {
    private String project = "";
    /** A region such as {@code us-central1} or {@code europe-west4}, or {@code global}. */
    private String location = "";
    /** A service account key file; absent: Application Default Credentials (the workload's identity). */
    private Path credentialsFile;

    public String getProject() {
        return project;
    }

    public void setProject(String project) {
        this.project = project == null ? "" : project;
    }

    public String getLocation() {
        return location;
    }

    public void setLocation(String location) {
        this.location = location == null ? "" : location;
    }

    public Path getCredentialsFile() {
        return credentialsFile;
    }

    public void setCredentialsFile(Path credentialsFile) {
        this.credentialsFile = credentialsFile;
    }

    @Override
    public String toString() {
        return "VertexSettings[project=" + project + ", location=" + location + "]";
    }
}
