import { Alert, Badge, Box, Button, Card, Field, Flex, Heading, Input, Skeleton, Stack, Text } from "@chakra-ui/react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRef, useState, type FormEvent } from "react";
import { useNavigate, useParams } from "react-router";
import { NoticeArea, type NoticeValue } from "../components/Notice";
import { ProjectShell } from "../components/ProjectShell";
import { ReviewerToggle } from "../components/ReviewerToggle";
import { RoleSelect } from "../components/RoleSelect";
import { useMembers } from "../components/useMembers";
import { usePeopleApi } from "../components/usePeopleApi";
import { acceptLink, expiryText } from "../lib/invitations";
import { ApiError, messageOf } from "../lib/problem";
import { abilitiesOf, memberActions, ROLE_LABELS, ROLE_SUMMARIES, whyNot } from "../lib/roles";
import { periodName, usageSummary } from "../lib/usage";
import { useSession } from "../session";
import { queryKeys } from "../lib/query-keys";
import type { Invitation, IssuedInvitation, Member, Project, ProjectWithUsage, Role } from "../lib/api-types";

type Notice = NoticeValue;

export default function Members() {
  const { projectId = "" } = useParams();
  return (
    <ProjectShell projectId={projectId} title="Members">
      {(project) => <MembersOf project={project} />}
    </ProjectShell>
  );
}

function MembersOf({ project }: { project: ProjectWithUsage }) {
  const { user } = useSession();
  const myUid = user?.uid ?? "";
  const [notice, setNotice] = useState<Notice>(null);
  const members = useMembers(project.id);
  const all = members.data?.pages.flatMap((page) => page.items) ?? [];
  const owners = all.filter((member) => member.role === "owner").length;
  const canManage = abilitiesOf(project.role).manageMembers;
  // Accept links are shown only when issued (the server keeps only their hash): id -> path.
  const [links, setLinks] = useState<Record<string, string>>({});
  const issued = (invitation: IssuedInvitation) => setLinks((all) => ({ ...all, [invitation.id]: invitation.acceptPath }));

  return (
    <Stack gap="6">
      <YourRole project={project} myUid={myUid} owners={owners} loaded={members.isSuccess} />
      <ProjectUsage project={project} />
      <Invite project={project} onNotice={setNotice} onIssued={issued} />
      <NoticeArea notice={notice} />
      {canManage && <PendingInvitations project={project} links={links} onIssued={issued} onNotice={setNotice} />}
      <Box as="section" aria-labelledby="member-list">
        <Heading as="h2" id="member-list" size="lg" mb="3">
          People in this project{members.isSuccess ? ` (${all.length})` : ""}
        </Heading>
        {!canManage && (
          <Text color="fg.muted" mb="3" id="members-limit">
            {whyNot(project.role, "manageMembers")}
          </Text>
        )}
        {members.isPending && (
          <Stack gap="2" aria-busy="true">
            <Skeleton h="14" />
            <Skeleton h="14" />
          </Stack>
        )}
        {members.isError && (
          <Alert.Root status="error" role="alert">
            <Alert.Indicator />
            <Alert.Title>Couldn't load the members. {messageOf(members.error)}</Alert.Title>
          </Alert.Root>
        )}
        {all.length > 0 && (
          <Stack as="ul" listStyleType="none" gap="2">
            {all.map((member) => (
              <MemberRow key={member.uid} project={project} member={member} myUid={myUid} owners={owners} onNotice={setNotice} />
            ))}
          </Stack>
        )}
        {members.hasNextPage && (
          <Button mt="3" variant="outline" onClick={() => members.fetchNextPage()} loading={members.isFetchingNextPage}>
            Load more
          </Button>
        )}
      </Box>
    </Stack>
  );
}

function YourRole({ project, myUid, owners, loaded }: { project: Project; myUid: string; owners: number; loaded: boolean }) {
  const people = usePeopleApi();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);
  const actions = memberActions(myUid, project.role, { uid: myUid, role: project.role }, owners);
  const leave = useMutation({
    mutationFn: () => people.removeMember(project.id, myUid),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: queryKeys.project(project.id) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.projects() });
      navigate("/", { replace: true });
    },
  });
  return (
    <Card.Root as="section" aria-labelledby="your-role">
      <Card.Body gap="2">
        <Heading as="h2" id="your-role" size="md">
          Your role: {ROLE_LABELS[project.role]}
        </Heading>
        <Text color="fg.muted">{ROLE_SUMMARIES[project.role]}</Text>
        <Flex gap="2" wrap="wrap" align="center" mt="1">
          {!confirming ? (
            <Button
              size="sm"
              variant="outline"
              colorPalette="red"
              disabled={!loaded || !actions.leave}
              aria-describedby={loaded && !actions.leave ? "leave-note" : undefined}
              onClick={() => setConfirming(true)}
            >
              Leave project
            </Button>
          ) : (
            <>
              <Text fontWeight="medium">Leave “{project.name}”? You'll lose access until someone invites you again.</Text>
              <Button size="sm" colorPalette="red" loading={leave.isPending} onClick={() => leave.mutate()}>
                Yes, leave
              </Button>
              <Button size="sm" variant="ghost" onClick={() => setConfirming(false)}>
                Stay
              </Button>
            </>
          )}
          {loaded && !actions.leave && actions.note && (
            <Text id="leave-note" fontSize="sm" color="fg.muted">
              {actions.note}
            </Text>
          )}
        </Flex>
        {leave.isError && (
          <Alert.Root status="error" role="alert">
            <Alert.Indicator />
            <Alert.Title>Couldn't leave the project. {messageOf(leave.error)}</Alert.Title>
          </Alert.Root>
        )}
      </Card.Body>
    </Card.Root>
  );
}

/** What the whole project (all its members) has used this month. */
function ProjectUsage({ project }: { project: ProjectWithUsage }) {
  return (
    <Box as="section" aria-labelledby="project-usage">
      <Heading as="h2" id="project-usage" size="md" mb="1">
        This project in {periodName(project.usage.period)}
      </Heading>
      <Text color="fg.muted">{usageSummary(project.usage)}</Text>
    </Box>
  );
}

function Invite({
  project,
  onNotice,
  onIssued,
}: {
  project: Project;
  onNotice: (notice: Notice) => void;
  onIssued: (invitation: IssuedInvitation) => void;
}) {
  const people = usePeopleApi();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("editor");
  const [emailError, setEmailError] = useState("");
  const emailRef = useRef<HTMLInputElement>(null);
  const reason = whyNot(project.role, "manageMembers");
  const add = useMutation({
    mutationFn: () => people.invite(project.id, email.trim(), role),
    onSuccess: (invitation) => {
      setEmail("");
      onIssued(invitation);
      void queryClient.invalidateQueries({ queryKey: queryKeys.projectInvitations(project.id) });
      onNotice({
        text: `Invited ${invitation.email} as ${article(invitation.role)} ${invitation.role}. We e-mailed them a link to accept; they join once they accept, signed in with that address and verified. Their link is below too, to send another way.`,
        error: false,
      });
    },
    onError: (error) => {
      const forEmail = error instanceof ApiError ? error.fieldProblems.find((p) => p.field === "email") : undefined;
      if (forEmail) {
        setEmailError(capitalised(forEmail.message));
        emailRef.current?.focus();
      }
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    setEmailError("");
    add.reset();
    onNotice(null);
    const address = email.trim();
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(address)) {
      setEmailError(address ? "That doesn't look like an email address." : "Enter the email address of the person to invite.");
      emailRef.current?.focus();
      return;
    }
    add.mutate();
  }

  const fieldError = add.error instanceof ApiError && add.error.fieldProblems.some((p) => p.field === "email");
  return (
    <Card.Root as="section" aria-labelledby="invite-title">
      <Card.Body>
        <Heading as="h2" id="invite-title" size="md" mb="1">
          Invite someone
        </Heading>
        <Text color="fg.muted" fontSize="sm" mb="3" id="invite-help">
          {reason ??
            "Invite any email address, with or without an account here. They join when they accept, signed in with that address once it is verified. They get an e-mail with a link to accept, see the invitation when they sign in, or you send them its link."}
        </Text>
        <form onSubmit={submit} noValidate aria-describedby="invite-help">
          <fieldset disabled={Boolean(reason)} style={{ minWidth: 0 }}>
            <Flex gap="3" wrap="wrap" align="start">
              <Field.Root required invalid={Boolean(emailError)} flex="1 1 16rem" disabled={Boolean(reason)}>
                <Field.Label>Email address</Field.Label>
                <Input ref={emailRef} type="email" inputMode="email" autoComplete="off" value={email} onChange={(e) => setEmail(e.target.value)} />
                <Field.ErrorText>{emailError}</Field.ErrorText>
              </Field.Root>
              <Field.Root flex="0 1 10rem" disabled={Boolean(reason)}>
                <Field.Label>Role</Field.Label>
                <RoleSelect value={role} onChange={setRole} />
              </Field.Root>
              <Button type="submit" colorPalette="blue" alignSelf={{ base: "flex-end", md: "flex-start" }} mt={{ base: "0", md: "6" }} loading={add.isPending} loadingText="Inviting…" disabled={Boolean(reason)}>
                Invite
              </Button>
            </Flex>
            {!reason && (
              <Text fontSize="sm" color="fg.muted" mt="2">
                {ROLE_LABELS[role]}: {ROLE_SUMMARIES[role]}
              </Text>
            )}
          </fieldset>
        </form>
        {add.isError && !fieldError && (
          <Alert.Root status="error" role="alert" mt="3">
            <Alert.Indicator />
            <Alert.Title>{messageOf(add.error)}</Alert.Title>
          </Alert.Root>
        )}
      </Card.Body>
    </Card.Root>
  );
}

/** The project's unanswered invitations, for owners: copy a fresh link, resend, or revoke. */
function PendingInvitations({
  project,
  links,
  onIssued,
  onNotice,
}: {
  project: Project;
  links: Record<string, string>;
  onIssued: (invitation: IssuedInvitation) => void;
  onNotice: (notice: Notice) => void;
}) {
  const people = usePeopleApi();
  const pending = useQuery({
    queryKey: queryKeys.projectInvitations(project.id),
    queryFn: () => people.listInvitations(project.id, null),
  });
  const items = pending.data?.items ?? [];
  return (
    <Box as="section" aria-labelledby="pending-invitations">
      <Heading as="h2" id="pending-invitations" size="lg" mb="3">
        Pending invitations{pending.isSuccess ? ` (${items.length})` : ""}
      </Heading>
      {pending.isError && (
        <Alert.Root status="error" role="alert">
          <Alert.Indicator />
          <Alert.Title>Couldn't load the invitations. {messageOf(pending.error)}</Alert.Title>
        </Alert.Root>
      )}
      {pending.isSuccess && items.length === 0 && <Text color="fg.muted">No one is waiting to join.</Text>}
      {items.length > 0 && (
        <Stack as="ul" listStyleType="none" gap="2">
          {items.map((invitation) => (
            <InvitationRow
              key={invitation.id}
              project={project}
              invitation={invitation}
              link={links[invitation.id]}
              onIssued={onIssued}
              onNotice={onNotice}
            />
          ))}
        </Stack>
      )}
    </Box>
  );
}

function InvitationRow({
  project,
  invitation,
  link,
  onIssued,
  onNotice,
}: {
  project: Project;
  invitation: Invitation;
  link: string | undefined;
  onIssued: (invitation: IssuedInvitation) => void;
  onNotice: (notice: Notice) => void;
}) {
  const people = usePeopleApi();
  const queryClient = useQueryClient();
  const [copied, setCopied] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.projectInvitations(project.id) });
  const resend = useMutation({
    mutationFn: () => people.resendInvitation(project.id, invitation.id),
    onSuccess: (renewed) => {
      onIssued(renewed);
      void refresh();
      onNotice({ text: `The invitation to ${invitation.email} has a new link; the old one no longer works.`, error: false });
    },
    onError: (error) => onNotice({ text: `Couldn't resend the invitation. ${messageOf(error)}`, error: true }),
  });
  const revoke = useMutation({
    mutationFn: () => people.revokeInvitation(project.id, invitation.id),
    onSuccess: () => {
      void refresh();
      onNotice({ text: `The invitation to ${invitation.email} is withdrawn.`, error: false });
    },
    onError: (error) => onNotice({ text: `Couldn't revoke the invitation. ${messageOf(error)}`, error: true }),
  });
  const full = link ? acceptLink(window.location.origin, link) : null;
  async function copy() {
    if (!full) return;
    try {
      await navigator.clipboard.writeText(full);
      setCopied(true);
    } catch {
      // No clipboard (an insecure page, or refused): the link stays selectable in the field.
      setCopied(false);
    }
  }
  return (
    <Card.Root as="li" size="sm" aria-label={`Invitation to ${invitation.email}`}>
      <Card.Body gap="2">
        <Flex gap="3" align="center" wrap="wrap">
          <Box flex="1 1 14rem" minW="0">
            <Text fontWeight="medium" truncate>
              {invitation.email}
            </Text>
            <Text fontSize="sm" color="fg.muted">
              {ROLE_LABELS[invitation.role]} · {expiryText(invitation, new Date())}
            </Text>
          </Box>
          <Button size="sm" variant="outline" loading={resend.isPending} onClick={() => resend.mutate()}>
            {invitation.status === "expired" ? "Renew" : "Resend"}
          </Button>
          <Button size="sm" variant="outline" colorPalette="red" loading={revoke.isPending} onClick={() => revoke.mutate()} aria-label={`Revoke the invitation to ${invitation.email}`}>
            Revoke
          </Button>
        </Flex>
        {full ? (
          <Flex gap="2" align="center">
            <Field.Root flex="1" minW="0">
              <Field.Label srOnly>Accept link for {invitation.email}</Field.Label>
              <Input size="sm" readOnly value={full} onFocus={(e) => e.target.select()} />
            </Field.Root>
            <Button size="sm" onClick={() => void copy()}>
              {copied ? "Copied" : "Copy link"}
            </Button>
          </Flex>
        ) : (
          <Text fontSize="sm" color="fg.muted">
            Resend for a new link to copy: links are shown only when made.
          </Text>
        )}
      </Card.Body>
    </Card.Root>
  );
}

function MemberRow({
  project,
  member,
  myUid,
  owners,
  onNotice,
}: {
  project: Project;
  member: Member;
  myUid: string;
  owners: number;
  onNotice: (notice: Notice) => void;
}) {
  const people = usePeopleApi();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const actions = memberActions(myUid, project.role, member, owners);
  const self = member.uid === myUid;
  const name = member.displayName || member.email || "Someone without a name";
  const noteId = `member-note-${member.uid}`;
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.members(project.id) });
    if (self) void queryClient.invalidateQueries({ queryKey: queryKeys.project(project.id) });
  };
  const change = useMutation({
    mutationFn: (role: Role) => people.changeRole(project.id, member.uid, role),
    onSuccess: (changed) => {
      refresh();
      onNotice({ text: `${self ? "You are" : `${name} is`} now ${article(changed.role)} ${changed.role}.`, error: false });
    },
    onError: (error) => onNotice({ text: `Couldn't change ${name}'s role. ${messageOf(error)}`, error: true }),
  });
  const remove = useMutation({
    mutationFn: () => people.removeMember(project.id, member.uid),
    onSuccess: () => {
      refresh();
      onNotice({ text: `${name} no longer has access to this project.`, error: false });
    },
    onError: (error) => onNotice({ text: `Couldn't remove ${name}. ${messageOf(error)}`, error: true }),
  });

  return (
    <Card.Root as="li" size="sm">
      <Card.Body>
        <Flex gap="3" align="center" wrap="wrap">
          <Box flex="1 1 14rem" minW="0">
            <Text fontWeight="medium" truncate>
              {name} {self && <Badge ms="1">you</Badge>}
            </Text>
            {member.displayName && member.email && (
              <Text fontSize="sm" color="fg.muted" truncate>
                {member.email}
              </Text>
            )}
          </Box>
          {actions.changeRole ? (
            <Field.Root w="auto">
              <Field.Label srOnly>Role of {name}</Field.Label>
              <RoleSelect value={member.role} onChange={(role) => change.mutate(role)} size="sm" width="9rem" disabled={change.isPending} />
            </Field.Root>
          ) : (
            <Badge size="lg" aria-describedby={actions.note ? noteId : undefined}>
              {ROLE_LABELS[member.role]}
            </Badge>
          )}
          <ReviewerToggle projectId={project.id} member={member} canManage={project.role === "owner"} name={name} onNotice={onNotice} />
          {!self &&
            (confirming ? (
              <Flex gap="2" align="center">
                <Button size="sm" colorPalette="red" loading={remove.isPending} onClick={() => remove.mutate()}>
                  Remove {member.displayName || member.email || "them"}
                </Button>
                <Button size="sm" variant="ghost" onClick={() => setConfirming(false)}>
                  Keep
                </Button>
              </Flex>
            ) : (
              <Button
                size="sm"
                variant="outline"
                disabled={!actions.remove}
                aria-describedby={!actions.remove && actions.note ? noteId : undefined}
                aria-label={`Remove ${name}`}
                onClick={() => setConfirming(true)}
              >
                Remove
              </Button>
            ))}
        </Flex>
        {actions.note && (self || project.role === "owner") && (
          <Text id={noteId} fontSize="sm" color="fg.muted" mt="1">
            {actions.note}
          </Text>
        )}
        {actions.note && !self && project.role !== "owner" && (
          <Text id={noteId} srOnly>
            {actions.note}
          </Text>
        )}
      </Card.Body>
    </Card.Root>
  );
}

function article(role: Role): string {
  return role === "owner" || role === "editor" ? "an" : "a";
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
