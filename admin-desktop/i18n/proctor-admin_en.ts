<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en">
<context>
    <name>DataSize</name>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n byte</numerusform>
            <numerusform>%n bytes</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 KB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 GB</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Proctor::Admin::Api</name>
    <message>
        <source>Many focus losses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Long time away from the test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print or screenshot attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mouse movements match another session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Typing rhythm matches another session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activity after the test was finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy, cut or paste attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left full screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medium</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excellent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Good</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Satisfactory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsatisfactory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Poor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result stored after the time limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unreviewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cleared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Violation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Second look</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High score without study, very fast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct answers faster than reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempt faster than reading the questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Burst of short attempts from one address, device or page key</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Proctor::Admin::Api::ApiError</name>
    <message>
        <source>The server cannot be reached. Check the address and your network connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not answer in time. Try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secure connection failed (TLS): %1. Check the server address and its certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong email or password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your session has expired. Please sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are not signed in (the sign-in is no longer valid). Please sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your role does not allow this action.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not found on the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many attempts. Try again in %1 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many attempts. Try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server is temporarily unavailable. Try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server failed (HTTP %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s answer was not understood. Is this the address of a Proctor server?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request was not valid JSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not accept a value of the request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not accept a parameter of the request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An API key is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API key is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are not signed in. Please sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API key does not allow this action.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This session does not allow this action.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The access code is unknown, expired or for another test.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server does not support this action.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This conflicts with the data on the server (for example, the email is already taken, or it is the last active administrator).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session is finished and already has a different result.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request is too large.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request headers are too large.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server does not accept this kind of data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request took too long to arrive. Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The live connection needs a WebSocket.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server failed. Try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scopes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signatories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target false-alarm rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause between attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the candidate sees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 Field: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The current password is wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused the request.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Proctor::Admin::Api::TokenStore</name>
    <message>
        <source>in-memory token store requested (PROCTOR_ADMIN_TOKEN_STORE=memory)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no keychain on the offscreen platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no desktop session bus, so no keychain service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the keychain refused the token: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the keychain is not available: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Proctor::Admin::EventTypes</name>
    <message>
        <source>Test started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>finish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Study started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>study</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Focus lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>focus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Focus back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>focus back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page hidden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hidden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page visible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>visible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy attempt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cut attempt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cut</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste attempt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paste</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Context menu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>menu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print attempt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>print</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Screenshot attempt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>screenshot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left full screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fullscreen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Went offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Module viewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>module</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scrolled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scroll</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Self-check answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>self-check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Focus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print/screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Study</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Proctor::Admin::Export</name>
    <message>
        <source>Session report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session report: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Position: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IP address: %1; device: …%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score %1 % (%2 of %3 correct), %4; grade: %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate %1 issued %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risk: %1 (%2 of 100)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No risk factors.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+%1  %2 (observed %3, threshold %4; %5 events)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Violations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 events; %2 after the test was finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  (after finish)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mouse trajectory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started: %1, finished: %2, duration %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Proctor::Admin::Models</name>
    <message>
        <source>study</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>several candidates on one device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>candidate on several devices</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Proctor::Admin::Models::AbandonedModel</name>
    <message>
        <source>Candidate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Focus losses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Screenshots</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prints</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Proctor::Admin::Models::AdminsModel</name>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>proctor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>active</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Proctor::Admin::Models::AnswersModel</name>
    <message>
        <source>(no answer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>correct</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Proctor::Admin::Models::ApiKeysModel</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prefix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scopes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>revoked %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>active</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Proctor::Admin::Models::AuditModel</name>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Proctor::Admin::Models::CertificatesModel</name>
    <message>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Holder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>revoked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>valid</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Proctor::Admin::Models::DeviceGroupsModel</name>
    <message>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Candidates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anomalies</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Proctor::Admin::Models::FingerprintCompareModel</name>
    <message>
        <source>match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>differs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attribute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same device?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Proctor::Admin::Models::KeystrokeCompareModel</name>
    <message>
        <source>%1 ± %2 ms (n=%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feature</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Proctor::Admin::Models::MultiDeviceModel</name>
    <message>
        <source>Candidate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device hashes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Proctor::Admin::Models::PairScoresModel</name>
    <message>
        <source>n/a</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n question(s))</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Session A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mouse, this question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mouse, mean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same typist</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Proctor::Admin::Models::PrecisionModel</name>
    <message>
        <source>Of the decided sessions this factor flagged, the share confirmed as a violation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing decided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risk factor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Precision</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Proctor::Admin::Models::ResultsModel</name>
    <message>
        <source>Candidate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Violations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Proctor::Admin::Models::RiskFactorsModel</name>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Select to highlight the evidence on the timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Observed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>session %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>practically never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of 100</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not enough data to compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>closest: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>by chance %1 per comparison (%n comparison(s))</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Related sessions: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>related: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Proctor::Admin::Models::RosterModel</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Employee no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code valid until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hidden (issued %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no expiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issued just now: copy or export it before closing this window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server keeps only a hash of the code; issue a new code to see one.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Proctor::Admin::Models::SearchModel</name>
    <message>
        <source>Session: %1 — %2 %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Candidate: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate %1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Proctor::Admin::Models::SimilarModel</name>
    <message>
        <source>Candidate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Similarity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DTW distance</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Proctor::Admin::Models::TestsModel</name>
    <message>
        <source>Test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Between attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Candidate sees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>review of mistakes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pass or fail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message>
        <source>by roster code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n person(s)</source>
        <translation>
            <numerusform>%n person</numerusform>
            <numerusform>%n people</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Proctor::Admin::Models::TimelineModel</name>
    <message>
        <source>away %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>question %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>question %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on question %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>after finish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the time ran out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>submitted by the candidate</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Proctor::Admin::Views::AbandonedView</name>
    <message>
        <source>Abandoned sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tests only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Study only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tests and study</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>idle for 30 min or more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>idle for 2 hours or more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>idle for a day or more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any, including sessions in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Idle for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started but never finished:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Proctor::Admin::Views::AddAdminDialog</name>
    <message>
        <source>New account</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>at least %n characters</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>proctor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the email and a password.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Proctor::Admin::Views::AdminView</name>
    <message>
        <source>Legal basis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Licence or other document under which the organisation issues certificates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legal basis:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;Administration&lt;/h2&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are signed in as a proctor: management needs the administrator role, so the server will refuse changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scopes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API key created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the key now: it is shown only once and cannot be retrieved later.

%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke the key &quot;%1&quot;? Pages using it stop working at once on every server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administrators and proctors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disable / enable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signatories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisation:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacts:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signatories:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deletes every session, event, telemetry record and certificate of one candidate (personal data deletion request). This cannot be undone; it is recorded in the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Candidate id (from a session&apos;s details)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Candidate id to delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete candidate data…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data deletion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm deletion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This permanently deletes all data of candidate %1.
Type the id again to confirm:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The id did not match; nothing was deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted: %1 sessions, %2 events, %3 telemetry records, %4 certificates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give %1 the administrator role?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give %1 the proctor role?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Emblem…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image printed at the top of every certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Emblem:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risk settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points, thresholds and the false-alarm target of the risk assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new random password for the selected account, shown once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give %1 a new random password? Their current password stops working and every sign-in of the account ends.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new password of %1 is shown only now: copy it and hand it over safely. They can change it after signing in.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Proctor::Admin::Views::AttemptPolicyDialog</name>
    <message>
        <source>Attempt policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access: by personal roster code (set in the test file).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access: open, candidates type their own name (set in the test file).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maximum attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maximum attempts per candidate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minimum time between attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minimum time between attempts:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After an attempt the candidate sees:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pass or fail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review of mistakes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only whether the attempt passed (and the grade when it did). Nothing about single questions, so repeated attempts cannot be used to work out the answer key. Recommended.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also the percentage. A score tells how many answers were right, which helps to guess the key over many attempts: keep the attempts few and the pause long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which questions were wrong, but only once the candidate has passed or has no attempts left, so it cannot be used to correct answers between attempts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Proctor::Admin::Views::CertificatesView</name>
    <message>
        <source>Revoke…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke the selected certificate (administrators only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a certificate first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate %1 is already revoked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate %1 will show as revoked to anyone who verifies it. Reason (up to 500 characters):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reason must be 1 to 500 characters long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Newest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Oldest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Year:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Month:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate registry</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Proctor::Admin::Views::ChangePasswordDialog</name>
    <message>
        <source>Change my password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your other sign-ins (other computers) end when the password changes; this one stays signed in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New password again</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>at least %n characters</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Current password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password change message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your current password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The new password needs at least %n characters.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The new password must differ from the current one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two new passwords differ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changing the password…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password was changed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Proctor::Admin::Views::CompareView</name>
    <message>
        <source>Warping path lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;Compare sessions&lt;/h2&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Question:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quick (local, approximate)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exact (local)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alignment mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Precise on &amp;server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exact DTW by the server for the reference against each other session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pairwise similarity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trajectories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time per question, s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency comparison chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keystroke profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keystrokes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fingerprints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select 2 to 6 sessions in Results and press &quot;Compare selected&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Loading %n session(s)…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>At least two sessions with data are needed (%1 loaded).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comparing %1. The first is the reference the warping paths start from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computed locally in %1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question (order of appearance)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking the server for the exact DTW…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, question %2: similarity %3 (distance %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server, exact: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Proctor::Admin::Views::DashboardView</name>
    <message>
        <source>&lt;h2&gt;Dashboard&lt;/h2&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed tests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anomalies found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unique candidates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pass rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completions per day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grade distribution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Violations by type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pass rate per day, %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Reviewer precision per risk factor&lt;/b&gt; (confirmed of decided, same period)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviewer precision per risk factor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No risk factor fired in this period.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Proctor::Admin::Views::DevicesView</name>
    <message>
        <source>Only groups with anomalies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show results of this device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Candidates seen on several devices&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Candidates on several devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 device groups, %2 with anomalies</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Proctor::Admin::Views::EmblemDialog</name>
    <message>
        <source>Choose image…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete emblem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate emblem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Emblem preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the emblem? Certificates issued from now on print none.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No emblem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file is not a PNG or JPEG image. Choose a PNG or JPEG file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image has too many pixels: at most 1024×1024. Scale it down and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current emblem (%1×%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No emblem yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an emblem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2): no preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2×%3, %4, not uploaded yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uploading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uploaded: %1×%2, %3. Certificates print it from now on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The emblem was deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The emblem is printed at the top of every certificate. PNG or JPEG, at most %1 and 1024×1024 pixels; a square image of about 300×300 prints best.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is too large: the emblem may have at most %1. Save it smaller or as JPEG.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Proctor::Admin::Views::LoginDialog</name>
    <message>
        <source>Sign in to Proctor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;Proctor&lt;/h2&gt;Sign in with your proctor or administrator account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sign-in is kept in memory only (%1): you will sign in again next time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sign-in is kept in the system keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the server address, e.g. https://proctor.example.org</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your email and password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Proctor::Admin::Views::MainWindow</name>
    <message>
        <source>Proctor — review and administration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Similar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Abandoned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Views</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result saved: session %1, %2 % (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session started: %1 (%2, %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An API key was revoked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search candidates, sessions, certificates (Ctrl+K)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Global search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live updates status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export table as &amp;CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session &amp;PDF report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear local &amp;cache…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear cache</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Remove the %n cached session(s) from this computer?</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Light theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dark theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>proctor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This view has no table to export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) exported to %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source> (only the rows loaded so far)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alerts %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n unread notification(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Live: connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live: connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live: reconnecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live: off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in kept in memory only: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in kept in the system keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Cache: %n session(s), %1 MB</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>study</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Candidate #%1 was deleted with all their sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in throttled: %1 failed attempts from %2; the next attempt waits %3 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in throttled: %1 failed attempts for %2 from %3; the next attempt waits %4 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No unreviewed session left in the results list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proctor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session %1: risk rose to high (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not signed in. Use File &gt; Sign in to sign in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change my &amp;password…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Your password was changed; %n other sign-in(s) ended.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Proctor::Admin::Views::ResultsView</name>
    <message>
        <source>Dates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;Results&lt;/h2&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name, certificate or session…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search by name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All outcomes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medium risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risk filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device group (hash)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device group filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Results table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Compare selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find &amp;similar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the selected session (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare 2 to 6 selected sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select 2 to 6 sessions to compare (Ctrl+click).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n session(s) loaded</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>; scroll down for more</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>; %n selected</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>All tests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medium or higher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any review state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unreviewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Second look</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open (unreviewed or second look)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Violation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cleared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review state filter</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Proctor::Admin::Views::RiskSettingsDialog</name>
    <message>
        <source> points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> of 100</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target false-alarm rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risk settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A factor adds its points to a session&apos;s risk score (at most 100) when its threshold is exceeded. Saving re-assesses every session in the background.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points per factor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Levels and thresholds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cross-session factors fire only when a match this close would flag at most this share of honest sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The defaults are in force (never changed).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version %1, changed %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Must be above the medium level.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not accept this value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: check “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Saved. %n session(s) queued for re-assessment.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Too many focus losses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too long away from the test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print or screenshot attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy, cut or paste attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full screen left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events after the finish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Over the time limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mouse movements like another candidate&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Typing like another candidate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High score without study, very fast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct answers faster than reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempt faster than reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Burst of short attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medium risk from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High risk from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Focus losses allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time away allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print or screenshot attempts allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clipboard attempts allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full-screen exits allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grace over the time limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mouse similarity considered from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same-typist score considered from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High score from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Study time expected at least</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fast attempt: time per question under</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading floor per question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading floor per character</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fast correct answers needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Burst window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Short attempt under</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Near-empty attempt: answered at most</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempts that make a burst</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempts through one page key that make a burst</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Proctor::Admin::Views::RosterDialog</name>
    <message>
        <source>Codes valid until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New code…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save codes as CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print sheet (PDF)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roster: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Access codes are shown only once&lt;/b&gt;, right after they are issued (import or new code). The server keeps only a fingerprint of each code and cannot show it again. Save the new codes as CSV or print the sheet before you close this window; a lost code can only be replaced by a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns: last name, first name, middle name, position, email, employee no. (the last four optional), separated by ; or ,. People already listed (same employee no. or email) are updated and keep their codes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code %1 copied to the clipboard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No codes were issued in this window yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%n new code(s) issued in this window, not saved yet.&lt;/b&gt;</source>
        <translation>
            <numerusform>&lt;b&gt;%n new code issued in this window, not saved yet.&lt;/b&gt;</numerusform>
            <numerusform>&lt;b&gt;%n new codes issued in this window, not saved yet.&lt;/b&gt;</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new code(s) issued in this window, saved.</source>
        <translation>
            <numerusform>%n new code issued in this window, saved.</numerusform>
            <numerusform>%n new codes issued in this window, saved.</numerusform>
        </translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was imported. The file has an error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported: %1 new, %2 updated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n new code(s) are shown in the table: save or print them now.</source>
        <translation>
            <numerusform>%n new code is shown in the table: save or print it now.</numerusform>
            <numerusform>%n new codes are shown in the table: save or print them now.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n updated person(s) keep the code they already have.</source>
        <translation>
            <numerusform>%n updated person keeps the code they already have.</numerusform>
            <numerusform>%n updated people keep the codes they already have.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import roster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New code for %1: %2. The old code no longer works. Copy it, or save or print the codes, before closing this window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New access code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issue a new code for %1? The current code stops working at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was removed from the roster; their code no longer works.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove from roster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove %1 from the roster? Their code stops working at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n code(s) saved to %1.</source>
        <translation>
            <numerusform>%n code saved to %1.</numerusform>
            <numerusform>%n codes saved to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sheet with %n code(s) saved to %1.</source>
        <translation>
            <numerusform>Sheet with %n code saved to %1.</numerusform>
            <numerusform>Sheet with %n codes saved to %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Print sheet (PDF)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save codes as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved access codes</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n code(s) issued in this window were not saved or printed. They cannot be shown again. Close anyway?</source>
        <translation>
            <numerusform>%n code issued in this window was not saved or printed. It cannot be shown again. Close anyway?</numerusform>
            <numerusform>%n codes issued in this window were not saved or printed. They cannot be shown again. Close anyway?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Proctor::Admin::Views::SessionView</name>
    <message>
        <source>&lt;h2&gt;Session&lt;/h2&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find similar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Timeline&lt;/b&gt; (Ctrl+wheel or +/− to zoom; arrows move between events)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit the whole session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risk factors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time per question, s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per-question latency chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline: showing the cached copy (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a session from Results (double-click or Enter).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 correct; %3; grade %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from the local cache</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · updating…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>certificate %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Risk: &lt;span style=&apos;color:%1&apos;&gt;%2 (%3 of 100)&lt;/span&gt;&lt;/b&gt;%4 — select a reason to see its events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (computed locally)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) after finish</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;Violations&lt;/b&gt;: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save PDF report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question %1, normalised (centred, scaled to its size)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF report saved to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>finished %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>finished %1, &lt;b&gt;%2 s after the time limit&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;Session deleted&lt;/h2&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The candidate of session %1 was deleted with all their data; nothing of it is kept on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>abandoned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Candidate data…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save everything stored about this candidate as one JSON file (a subject-access request; administrators only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save candidate data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting the candidate&apos;s data…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Candidate data (%1) saved to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Related sessions (double-click to open):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Related sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2&lt;br&gt;Started %3, %4 (%5) · IP %6 · device …%7&lt;br&gt;Session %8</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Proctor::Admin::Views::SimilarView</name>
    <message>
        <source>Similar sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top-k sessions whose mouse movements are closest to this one&apos;s (exact DTW on the server, over the whole population).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question id (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>k = </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find (precise on server)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare with this session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Proctor::Admin::Views::TestsPanel</name>
    <message>
        <source>Tests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempt policy…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roster and access codes…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tests are added on the server (import-test). Here you set how often a candidate may try a test and what a result tells them, and manage the people of tests that open only with a personal access code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempt policy saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Proctor::Admin::Widgets::ReviewPanel</name>
    <message>
        <source>Revoke the certificate?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The violation is confirmed. Revoke certificate %1 as well?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cleared (C)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Violation (V)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Second look (S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo (U)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next unreviewed (N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing wrong: the case is closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A violation is confirmed; admins may revoke the certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs another reviewer&apos;s look</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to unreviewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the next unreviewed session in the order of the results list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment for the decision (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>certificate %1 revoked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No decision yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Proctor::Admin::Widgets::StatCard</name>
    <message>
        <source>no data for the previous week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 % vs previous week</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Proctor::Admin::Widgets::TimelineWidget</name>
    <message>
        <source>Event timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrow keys move between events, plus and minus zoom, 0 fits the session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gap %1 min</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Proctor::Admin::Widgets::TrajectoryOverlayWidget</name>
    <message>
        <source>Mouse trajectory overlay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 vs %2: similarity %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No mouse trajectory for this question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (reference)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>: similarity %1%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (approx.)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RosterCodesExport</name>
    <message>
        <source>Last name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Middle name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Employee no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Personal access code:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>valid until %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start at:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the address, choose the test and enter the code. The code is personal: do not pass it on. Letter case, spaces and dashes do not matter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access codes: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PDF could not be written to %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
