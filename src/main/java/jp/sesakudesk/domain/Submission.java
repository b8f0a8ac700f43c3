package jp.sesakudesk.domain;

import java.time.Instant;

/**
 * A returned form that was merged: the department it was made for, the form's identity, the file
 * with its SHA-256, when the form was exported and merged, and how many fields it changed.
 */
public record Submission(String department, String formId, String fileName, String sha256,
                         Instant exportedAt, Instant mergedAt, int changes) {
}
