<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_CA" sourcelanguage="en_CA">
<context>
    <name>AccountPage</name>
    <message>
        <source>Account confirmed</source>
        <translation>Compte confirmé</translation>
    </message>
    <message>
        <source>Prolegis Desktop works in Clio as this user.</source>
        <translation>Prolegis Desktop travaille dans Clio sous l&apos;identité de cet utilisateur.</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nom&#xa0;:</translation>
    </message>
    <message>
        <source>Email:</source>
        <translation>Courriel&#xa0;:</translation>
    </message>
    <message>
        <source>Clio:</source>
        <translation>Clio&#xa0;:</translation>
    </message>
    <message>
        <source>Not you? Go back and sign in again; sign out of Clio in your browser first.</source>
        <translation>Ce n&apos;est pas vous? Revenez en arrière et reconnectez-vous; déconnectez-vous d&apos;abord de Clio dans votre navigateur.</translation>
    </message>
    <message>
        <source>Signed in as {name}</source>
        <translation>Connecté en tant que {name}</translation>
    </message>
</context>
<context>
    <name>ActivityDock</name>
    <message>
        <source>Activity</source>
        <translation>Activité</translation>
    </message>
    <message>
        <source>Activity log</source>
        <translation>Journal d&apos;activité</translation>
    </message>
    <message>
        <source>Show results</source>
        <translation>Afficher les résultats</translation>
    </message>
    <message>
        <source>All results</source>
        <translation>Tous les résultats</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Erreurs</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Avertissements</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Réussis</translation>
    </message>
    <message>
        <source>Selected matter only</source>
        <translation>Dossier sélectionné seulement</translation>
    </message>
    <message>
        <source>Filter activity…</source>
        <translation>Filtrer l&apos;activité…</translation>
    </message>
    <message>
        <source>Filter activity</source>
        <translation>Filtrer l&apos;activité</translation>
    </message>
    <message>
        <source>What to do:</source>
        <translation>Que faire&#xa0;:</translation>
    </message>
    <message>
        <source>Details:</source>
        <translation>Détails&#xa0;:</translation>
    </message>
</context>
<context>
    <name>ActivityModel</name>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Matter</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Réussi</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Avertissement</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Info</translation>
    </message>
</context>
<context>
    <name>AdvancedPage</name>
    <message>
        <source>Your firm&apos;s Clio app</source>
        <translation>L&apos;application Clio de votre cabinet</translation>
    </message>
    <message>
        <source>Your Clio administrator registered an app for Prolegis Desktop in Clio&apos;s developer portal. Copy its details here.</source>
        <translation>L&apos;administrateur Clio de votre cabinet a inscrit une application pour Prolegis Desktop dans le portail des développeurs de Clio. Copiez-en les détails ici.</translation>
    </message>
    <message>
        <source>App id</source>
        <translation>Identifiant de l&apos;application</translation>
    </message>
    <message>
        <source>App secret</source>
        <translation>Secret de l&apos;application</translation>
    </message>
    <message>
        <source>Redirect port</source>
        <translation>Port de redirection</translation>
    </message>
    <message>
        <source>App &amp;id:</source>
        <translation>&amp;Identifiant de l&apos;application&#xa0;:</translation>
    </message>
    <message>
        <source>App &amp;secret:</source>
        <translation>Se&amp;cret de l&apos;application&#xa0;:</translation>
    </message>
    <message>
        <source>Redirect &amp;port:</source>
        <translation>Port de &amp;redirection&#xa0;:</translation>
    </message>
    <message>
        <source>The secret is kept in this computer&apos;s keychain, never in a settings file.</source>
        <translation>Le secret est gardé dans le trousseau de cet ordinateur, jamais dans un fichier de paramètres.</translation>
    </message>
    <message>
        <source>(kept on this computer — leave empty)</source>
        <translation>(gardé sur cet ordinateur — laissez vide)</translation>
    </message>
    <message>
        <source>The app&apos;s redirect URI must be exactly: http://127.0.0.1:{port}/callback</source>
        <translation>L&apos;URI de redirection de l&apos;application doit être exactement&#xa0;: http://127.0.0.1:{port}/callback</translation>
    </message>
</context>
<context>
    <name>Attention</name>
    <message>
        <source>Not connected to Clio yet. Connect to start syncing your matters.</source>
        <translation>Pas encore connecté à Clio. Connectez-vous pour commencer à synchroniser vos dossiers.</translation>
    </message>
    <message>
        <source>Connect to Clio…</source>
        <translation>Se connecter à Clio…</translation>
    </message>
    <message>
        <source>Syncing stopped on an error: %1</source>
        <translation>La synchronisation s&apos;est arrêtée sur une erreur&#xa0;: %1</translation>
    </message>
    <message>
        <source>Syncing stopped on an error.</source>
        <translation>La synchronisation s&apos;est arrêtée sur une erreur.</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Paramètres…</translation>
    </message>
    <message>
        <source>Clio can&apos;t be reached right now. Syncing resumes by itself.</source>
        <translation>Clio est injoignable pour le moment. La synchronisation reprendra d&apos;elle-même.</translation>
    </message>
    <message>
        <source>Review…</source>
        <translation>Examiner…</translation>
    </message>
    <message>
        <source>1 document was changed both here and in Clio (version conflict).</source>
        <translation>1 document a été modifié ici et dans Clio (conflit de versions).</translation>
    </message>
    <message>
        <source>%1 documents were changed both here and in Clio (version conflicts).</source>
        <translation>%1 documents ont été modifiés ici et dans Clio (conflits de versions).</translation>
    </message>
    <message>
        <source>Resolve…</source>
        <translation>Résoudre…</translation>
    </message>
    <message>
        <source>1 new matter waits for its clients to be linked to Clio contacts.</source>
        <translation>1 nouveau dossier attend que ses clients soient liés à des contacts Clio.</translation>
    </message>
    <message>
        <source>%1 new matters wait for their clients to be linked to Clio contacts.</source>
        <translation>%1 nouveaux dossiers attendent que leurs clients soient liés à des contacts Clio.</translation>
    </message>
    <message>
        <source>Link clients…</source>
        <translation>Lier les clients…</translation>
    </message>
    <message>
        <source>1 deletion in %2 is on hold until you confirm it.</source>
        <translation>1 suppression dans %2 est retenue jusqu&apos;à ce que vous la confirmiez.</translation>
    </message>
    <message>
        <source>%1 deletions in %2 are on hold until you confirm them.</source>
        <translation>%1 suppressions dans %2 sont retenues jusqu&apos;à ce que vous les confirmiez.</translation>
    </message>
    <message>
        <source>1 deletion is on hold until you confirm it.</source>
        <translation>1 suppression est retenue jusqu&apos;à ce que vous la confirmiez.</translation>
    </message>
    <message>
        <source>%1 deletions are on hold until you confirm them.</source>
        <translation>%1 suppressions sont retenues jusqu&apos;à ce que vous les confirmiez.</translation>
    </message>
    <message>
        <source>1 new Clio matter waits for your OK before it is created.</source>
        <translation>1 nouveau dossier Clio attend votre accord avant d&apos;être créé.</translation>
    </message>
    <message>
        <source>%1 new Clio matters wait for your OK before they are created.</source>
        <translation>%1 nouveaux dossiers Clio attendent votre accord avant d&apos;être créés.</translation>
    </message>
    <message>
        <source>1 entry removed in Prolegis waits for your OK before it is deleted.</source>
        <translation>1 entrée retirée dans Prolegis attend votre accord avant d&apos;être supprimée.</translation>
    </message>
    <message>
        <source>%1 entries removed in Prolegis wait for your OK before they are deleted.</source>
        <translation>%1 entrées retirées dans Prolegis attendent votre accord avant d&apos;être supprimées.</translation>
    </message>
    <message>
        <source>1 change is on hold until you confirm it.</source>
        <translation>1 changement est retenu jusqu&apos;à ce que vous le confirmiez.</translation>
    </message>
    <message>
        <source>%1 changes are on hold until you confirm them.</source>
        <translation>%1 changements sont retenus jusqu&apos;à ce que vous les confirmiez.</translation>
    </message>
</context>
<context>
    <name>AuthorsField</name>
    <message>
        <source>e.g. mtremblay</source>
        <translation>p. ex. mtremblay</translation>
    </message>
    <message>
        <source>Your Prolegis username</source>
        <translation>Votre nom d&apos;utilisateur Prolegis</translation>
    </message>
    <message>
        <source>Prolegis &amp;username:</source>
        <translation>&amp;Nom d&apos;utilisateur Prolegis&#xa0;:</translation>
    </message>
    <message>
        <source>Send to Clio the time entries and expenses of:</source>
        <translation>Envoyer vers Clio les entrées de temps et les dépenses de&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Me only (recommended)</source>
        <translation>&amp;Moi seulement (recommandé)</translation>
    </message>
    <message>
        <source>&amp;Everyone in the firm (the firm&apos;s billing computer only)</source>
        <translation>Tout le ca&amp;binet (seulement sur l&apos;ordinateur de facturation du cabinet)</translation>
    </message>
    <message>
        <source>Me and &amp;these people:</source>
        <translation>Moi et ces pe&amp;rsonnes&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Nobody from this computer</source>
        <translation>&amp;Aucune personne depuis cet ordinateur</translation>
    </message>
    <message>
        <source>Prolegis usernames, separated by commas</source>
        <translation>Noms d&apos;utilisateur Prolegis, séparés par des virgules</translation>
    </message>
    <message>
        <source>Other Prolegis usernames</source>
        <translation>Autres noms d&apos;utilisateur Prolegis</translation>
    </message>
    <message>
        <source>A username has no spaces, commas or *.</source>
        <translation>Un nom d&apos;utilisateur ne contient ni espace, ni virgule, ni *.</translation>
    </message>
    <message>
        <source>Enter your Prolegis username, or choose whose entries to send.</source>
        <translation>Entrez votre nom d&apos;utilisateur Prolegis, ou choisissez de qui envoyer les entrées.</translation>
    </message>
    <message>
        <source>Enter at least one other username.</source>
        <translation>Entrez au moins un autre nom d&apos;utilisateur.</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <source>Notices</source>
        <translation>Avis</translation>
    </message>
    <message>
        <source>and %1 more — see the matters marked “Needs attention”</source>
        <translation>et %1 de plus — voyez les dossiers marqués «&#xa0;À traiter&#xa0;»</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Avertissement</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Information</translation>
    </message>
    <message>
        <source>Review…</source>
        <translation>Examiner…</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Examiner</translation>
    </message>
</context>
<context>
    <name>CandidatePanel</name>
    <message>
        <source>&amp;Unlink</source>
        <translation>&amp;Délier</translation>
    </message>
    <message>
        <source>Clio candidates</source>
        <translation>Contacts Clio proposés</translation>
    </message>
    <message>
        <source>No client selected</source>
        <translation>Aucun client sélectionné</translation>
    </message>
    <message>
        <source>Clio candidates for: {name}</source>
        <translation>Contacts Clio proposés pour&#xa0;: {name}</translation>
    </message>
    <message>
        <source>Needed for the new matter(s): {matters}</source>
        <translation>Requis pour le ou les nouveaux dossiers&#xa0;: {matters}</translation>
    </message>
    <message>
        <source>Linked to the Clio contact {contact}. Linking another contact replaces this link.</source>
        <translation>Lié au contact Clio {contact}. Lier un autre contact remplace ce lien.</translation>
    </message>
    <message>
        <source>(linked)</source>
        <translation>(lié)</translation>
    </message>
    <message>
        <source>score {score}</source>
        <comment>a match score out of 100</comment>
        <translation>score {score}</translation>
    </message>
    <message>
        <source>{name}, score {score}: {evidence}. {summary}</source>
        <translation>{name}, score {score}&#xa0;: {evidence}. {summary}</translation>
    </message>
    <message>
        <source>Create a new Clio contact from this client</source>
        <translation>Créer un nouveau contact Clio à partir de ce client</translation>
    </message>
</context>
<context>
    <name>ClientListModel</name>
    <message>
        <source>Prolegis client</source>
        <translation>Client Prolegis</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>Correspondance</translation>
    </message>
    <message>
        <source>Linked to {contact}</source>
        <translation>Lié à {contact}</translation>
    </message>
    <message>
        <source>Needed for the new matter(s): {matters}</source>
        <translation>Requis pour le ou les nouveaux dossiers&#xa0;: {matters}</translation>
    </message>
    <message>
        <source>{name}, needed for a new matter</source>
        <translation>{name}, requis pour un nouveau dossier</translation>
    </message>
</context>
<context>
    <name>ClioTab</name>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <source>Signed in as:</source>
        <translation>Connecté en tant que&#xa0;:</translation>
    </message>
    <message>
        <source>Email:</source>
        <translation>Courriel&#xa0;:</translation>
    </message>
    <message>
        <source>Clio:</source>
        <translation>Clio&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Reconnect…</source>
        <translation>&amp;Reconnecter…</translation>
    </message>
    <message>
        <source>&amp;Connect…</source>
        <translation>Co&amp;nnecter…</translation>
    </message>
    <message>
        <source>Dis&amp;connect…</source>
        <translation>&amp;Déconnecter…</translation>
    </message>
    <message>
        <source>Reconnect to sign in again or to change the Clio region. Disconnecting stops syncing and removes the sign-in from this computer; nothing is deleted in Clio or in Prolegis.</source>
        <translation>Reconnectez-vous pour ouvrir une nouvelle session ou pour changer de région Clio. La déconnexion arrête la synchronisation et retire la connexion de cet ordinateur; rien n&apos;est supprimé dans Clio ni dans Prolegis.</translation>
    </message>
    <message>
        <source>Your firm&apos;s Clio app (advanced)</source>
        <translation>L&apos;application Clio de votre cabinet (avancé)</translation>
    </message>
    <message>
        <source>empty: the app built into Prolegis Desktop</source>
        <translation>vide&#xa0;: l&apos;application intégrée à Prolegis Desktop</translation>
    </message>
    <message>
        <source>App id</source>
        <translation>Identifiant de l&apos;application</translation>
    </message>
    <message>
        <source>App secret</source>
        <translation>Secret de l&apos;application</translation>
    </message>
    <message>
        <source>Redirect port</source>
        <translation>Port de redirection</translation>
    </message>
    <message>
        <source>App &amp;id:</source>
        <translation>&amp;Identifiant de l&apos;application&#xa0;:</translation>
    </message>
    <message>
        <source>App &amp;secret:</source>
        <translation>&amp;Secret de l&apos;application&#xa0;:</translation>
    </message>
    <message>
        <source>Redirect &amp;port:</source>
        <translation>&amp;Port de redirection&#xa0;:</translation>
    </message>
    <message>
        <source>The secret is kept in this computer&apos;s keychain. A new app takes effect when you reconnect.</source>
        <translation>Le secret est gardé dans le trousseau de cet ordinateur. Une nouvelle application prend effet à la reconnexion.</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Version conflicts</source>
        <translation>Conflits de versions</translation>
    </message>
    <message>
        <source>These documents were changed on this computer and in Clio since the last sync. Nothing has been lost: both versions are kept until you choose.</source>
        <translation>Ces documents ont été modifiés sur cet ordinateur et dans Clio depuis la dernière synchronisation. Rien n&apos;est perdu&#xa0;: les deux versions sont gardées jusqu&apos;à votre choix.</translation>
    </message>
    <message>
        <source>Documents with a version conflict</source>
        <translation>Documents en conflit de versions</translation>
    </message>
    <message>
        <source>On this computer</source>
        <translation>Sur cet ordinateur</translation>
    </message>
    <message>
        <source>In Clio</source>
        <translation>Dans Clio</translation>
    </message>
    <message>
        <source>Keep &amp;both</source>
        <translation>&amp;Garder les deux</translation>
    </message>
    <message>
        <source>Keep &amp;mine</source>
        <translation>Garder la &amp;mienne</translation>
    </message>
    <message>
        <source>Keep &amp;Clio&apos;s</source>
        <translation>Garder celle de &amp;Clio</translation>
    </message>
    <message>
        <source>Your version stays as it is; Clio&apos;s version is kept beside it as a conflicted copy and sent to Clio as its own document.</source>
        <translation>Votre version reste telle quelle; celle de Clio est gardée à côté comme copie en conflit et envoyée vers Clio comme document distinct.</translation>
    </message>
    <message>
        <source>Your version is sent to Clio as the newest version; Clio keeps the other one in the document&apos;s version history.</source>
        <translation>Votre version est envoyée vers Clio comme la plus récente; Clio garde l&apos;autre dans l&apos;historique des versions du document.</translation>
    </message>
    <message>
        <source>Clio&apos;s version replaces yours on this computer; yours goes to the trash, where you can still get it back.</source>
        <translation>La version de Clio remplace la vôtre sur cet ordinateur; la vôtre va à la corbeille, d&apos;où vous pouvez encore la récupérer.</translation>
    </message>
    <message>
        <source>Decide &amp;later</source>
        <translation>Décider plus &amp;tard</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Appliquer</translation>
    </message>
    <message>
        <source>{file} — {matter}</source>
        <translation>{file} — {matter}</translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) changed in both places</source>
        <translation>
            <numerusform>%n document modifié aux deux endroits</numerusform>
            <numerusform>%n documents modifiés aux deux endroits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Do this for all %n</source>
        <translation>
            <numerusform>&amp;Faire de même pour les %n</numerusform>
            <numerusform>&amp;Faire de même pour les %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Version conflicts (%n)</source>
        <translation>
            <numerusform>Conflit de versions (%n)</numerusform>
            <numerusform>Conflits de versions (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>This version cannot be opened: {path} is not on this computer any more.</source>
        <translation>Cette version ne peut pas être ouverte&#xa0;: {path} n&apos;est plus sur cet ordinateur.</translation>
    </message>
</context>
<context>
    <name>ConflictsTab</name>
    <message>
        <source>When a document was changed both here and in Clio:</source>
        <translation>Quand un document a été modifié ici et dans Clio&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Ask me each time (both versions are kept until I choose)</source>
        <translation>&amp;Me demander chaque fois (les deux versions sont gardées jusqu&apos;à mon choix)</translation>
    </message>
    <message>
        <source>Keep &amp;both: Clio&apos;s version is kept as a conflicted copy</source>
        <translation>Garder les &amp;deux&#xa0;: la version de Clio est gardée comme copie en conflit</translation>
    </message>
    <message>
        <source>Keep &amp;mine: Clio keeps the other in its version history</source>
        <translation>Garder la mie&amp;nne&#xa0;: Clio garde l&apos;autre dans son historique des versions</translation>
    </message>
    <message>
        <source>Keep &amp;Clio&apos;s: mine goes to the trash</source>
        <translation>Garder celle de Cl&amp;io&#xa0;: la mienne va à la corbeille</translation>
    </message>
</context>
<context>
    <name>ConnectionWizard</name>
    <message>
        <source>Connect to Clio</source>
        <translation>Se connecter à Clio</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Précédent</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Suivant &gt;</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation>&amp;Terminer</translation>
    </message>
</context>
<context>
    <name>ContactMatchingDialog</name>
    <message>
        <source>Link Prolegis clients to Clio contacts</source>
        <translation>Lier les clients Prolegis aux contacts Clio</translation>
    </message>
    <message>
        <source>Clients of {number} {title}. Link at least one to a Clio contact so the matter can be created in Clio.</source>
        <translation>Clients de {number} {title}. Liez-en au moins un à un contact Clio pour que le dossier puisse être créé dans Clio.</translation>
    </message>
</context>
<context>
    <name>ContactMatchingPanel</name>
    <message>
        <source>Search clients…</source>
        <translation>Chercher des clients…</translation>
    </message>
    <message>
        <source>Search clients</source>
        <translation>Chercher des clients</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Afficher&#xa0;:</translation>
    </message>
    <message>
        <source>Show &amp;every client</source>
        <translation>Affic&amp;her tous les clients</translation>
    </message>
    <message>
        <source>Showing the clients of one matter.</source>
        <translation>Seuls les clients d&apos;un dossier sont affichés.</translation>
    </message>
    <message>
        <source>Prolegis clients</source>
        <translation>Clients Prolegis</translation>
    </message>
    <message>
        <source>Keys: ↑ ↓ choose a client · → then ↑ ↓ (or 1–9) choose a contact · Enter links · Ctrl+N creates a new contact · Ctrl+F searches</source>
        <translation>Touches&#xa0;: ↑ ↓ choisir un client · → puis ↑ ↓ (ou 1–9) choisir un contact · Entrée lie · Ctrl+N crée un nouveau contact · Ctrl+F cherche</translation>
    </message>
    <message>
        <source>&amp;Skip</source>
        <translation>&amp;Passer</translation>
    </message>
    <message>
        <source>Create &amp;new</source>
        <translation>&amp;Créer</translation>
    </message>
    <message>
        <source>Create a new Clio contact from this client (Ctrl+N)</source>
        <translation>Créer un nouveau contact Clio à partir de ce client (Ctrl+N)</translation>
    </message>
    <message>
        <source>&amp;Link</source>
        <translation>&amp;Lier</translation>
    </message>
    <message>
        <source>Link the client to the chosen contact (Enter)</source>
        <translation>Lier le client au contact choisi (Entrée)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Accept confident matches</source>
        <translation>Accepter les correspondances sûres</translation>
    </message>
    <message numerus="yes">
        <source>Link %n client(s) to the Clio contact suggested for each? You can unlink any of them later.</source>
        <translation>
            <numerusform>Lier %n client au contact Clio suggéré? Vous pourrez le délier plus tard.</numerusform>
            <numerusform>Lier %n clients au contact Clio suggéré pour chacun? Vous pourrez délier n&apos;importe lequel plus tard.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Unlinked ({n})</source>
        <translation>&amp;Non liés ({n})</translation>
    </message>
    <message>
        <source>&amp;Review ({n})</source>
        <translation>À &amp;vérifier ({n})</translation>
    </message>
    <message>
        <source>C&amp;onfident ({n})</source>
        <translation>Sû&amp;rs ({n})</translation>
    </message>
    <message>
        <source>Lin&amp;ked ({n})</source>
        <translation>L&amp;iés ({n})</translation>
    </message>
    <message>
        <source>A&amp;ll ({n})</source>
        <translation>&amp;Tous ({n})</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Accept all %Ln confident match(es)…</source>
        <translation>
            <numerusform>&amp;Accepter %Ln correspondance sûre…</numerusform>
            <numerusform>&amp;Accepter les %Ln correspondances sûres…</numerusform>
        </translation>
    </message>
    <message>
        <source>{shown} shown · {linked} of {total} linked</source>
        <translation>{shown} affichés · {linked} liés sur {total}</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Prolegis ⇄ Clio — unexpected error</source>
        <translation>Prolegis ⇄ Clio — erreur inattendue</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>Un problème est survenu</translation>
    </message>
    <message>
        <source>The app hit an unexpected error. Your files are safe: nothing is deleted or overwritten without a way back. You can keep working, or quit and start it again. If it happens again, copy this report and send it to your IT contact.</source>
        <translation>L&apos;application a rencontré une erreur inattendue. Vos fichiers sont en sécurité&#xa0;: rien n&apos;est supprimé ni écrasé sans retour possible. Vous pouvez continuer à travailler, ou quitter et la relancer. Si l&apos;erreur se reproduit, copiez ce rapport et envoyez-le à votre responsable informatique.</translation>
    </message>
    <message>
        <source>Error report</source>
        <translation>Rapport d&apos;erreur</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copié</translation>
    </message>
    <message>
        <source>Copy report</source>
        <translation>Copier le rapport</translation>
    </message>
    <message>
        <source>Open log folder</source>
        <translation>Ouvrir le répertoire des journaux</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <source>Keep working</source>
        <translation>Continuer à travailler</translation>
    </message>
</context>
<context>
    <name>DeletionGuardDialog</name>
    <message>
        <source>Deletions paused</source>
        <translation>Suppressions suspendues</translation>
    </message>
    <message>
        <source>So many documents disappeared at once — or every document of a matter — that Prolegis Desktop stopped before deleting them on the other side. This can be a folder moved or emptied by mistake, or a disconnected drive. Nothing has been deleted yet.</source>
        <translation>Tant de documents ont disparu d&apos;un coup — ou tous les documents d&apos;un dossier — que Prolegis Desktop s&apos;est arrêté avant de les supprimer de l&apos;autre côté. Il peut s&apos;agir d&apos;un répertoire déplacé ou vidé par erreur, ou d&apos;un disque déconnecté. Rien n&apos;a encore été supprimé.</translation>
    </message>
    <message>
        <source>Documents that would be deleted, by matter</source>
        <translation>Documents qui seraient supprimés, par dossier</translation>
    </message>
    <message>
        <source>Untick a matter to leave its deletions waiting. Restored files come back from the other side; confirmed deletions go to the trash (Clio keeps them 30 days).</source>
        <translation>Décochez un dossier pour laisser ses suppressions en attente. Les fichiers restaurés reviennent de l&apos;autre côté; les suppressions confirmées vont à la corbeille (Clio les garde 30 jours).</translation>
    </message>
    <message>
        <source>Decide &amp;later</source>
        <translation>Décider plus &amp;tard</translation>
    </message>
    <message>
        <source>Several matters</source>
        <translation>Plusieurs dossiers</translation>
    </message>
    <message numerus="yes">
        <source>{matter} — %n document(s)</source>
        <translation>
            <numerusform>{matter} — %n document</numerusform>
            <numerusform>{matter} — %n documents</numerusform>
        </translation>
    </message>
    <message>
        <source>Untick to leave these deletions waiting</source>
        <translation>Décochez pour laisser ces suppressions en attente</translation>
    </message>
    <message numerus="yes">
        <source>%n deletion(s) waiting for your decision</source>
        <translation>
            <numerusform>%n suppression attend votre décision</numerusform>
            <numerusform>%n suppressions attendent votre décision</numerusform>
        </translation>
    </message>
    <message>
        <source>Confirm deletions</source>
        <translation>Confirmer les suppressions</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n document(s) on the other side as well? They go to the trash, where they can still be recovered.</source>
        <translation>
            <numerusform>Supprimer aussi %n document de l&apos;autre côté? Il ira à la corbeille, d&apos;où il pourra encore être récupéré.</numerusform>
            <numerusform>Supprimer aussi %n documents de l&apos;autre côté? Ils iront à la corbeille, d&apos;où ils pourront encore être récupérés.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Restore %n file(s)</source>
        <translation>
            <numerusform>&amp;Restaurer %n fichier</numerusform>
            <numerusform>&amp;Restaurer %n fichiers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Delete %n document(s)</source>
        <translation>
            <numerusform>&amp;Supprimer %n document</numerusform>
            <numerusform>&amp;Supprimer %n documents</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Diagnostics</name>
    <message>
        <source>Diagnostics</source>
        <translation>Diagnostic</translation>
    </message>
    <message>
        <source>The diagnostics could not be written: %1</source>
        <translation>Le diagnostic n&apos;a pas pu être écrit&#xa0;: %1</translation>
    </message>
    <message>
        <source>Diagnostics written to:
%1

It holds no sign-in token, secret or document. Send it to your IT or to support.</source>
        <translation>Diagnostic écrit dans&#xa0;:
%1

Il ne contient aucun jeton de connexion, secret ni document. Envoyez-le à votre service informatique ou au soutien technique.</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>Afficher dans le répertoire</translation>
    </message>
</context>
<context>
    <name>DocumentTree</name>
    <message>
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
</context>
<context>
    <name>DocumentTreeModel</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>Modifié</translation>
    </message>
    <message>
        <source>1 file</source>
        <translation>1 fichier</translation>
    </message>
    <message numerus="yes">
        <source>%n files</source>
        <translation>
            <numerusform>%n fichier</numerusform>
            <numerusform>%n fichiers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DocumentsPanel</name>
    <message>
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>Drop files here to copy them in and push them</source>
        <translation>Déposez des fichiers ici pour les copier dans le répertoire et les envoyer</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <source>Push to Clio</source>
        <translation>Envoyer vers Clio</translation>
    </message>
    <message>
        <source>Select historical documents (not in Clio) to push.</source>
        <translation>Sélectionnez des documents antérieurs (absents de Clio) à envoyer.</translation>
    </message>
    <message>
        <source>Push the selected historical document to Clio (Ctrl+U)</source>
        <translation>Envoyer le document antérieur sélectionné vers Clio (Ctrl+U)</translation>
    </message>
    <message numerus="yes">
        <source>Push the %n selected historical documents to Clio (Ctrl+U)</source>
        <translation>
            <numerusform>Envoyer le document antérieur sélectionné vers Clio (Ctrl+U)</numerusform>
            <numerusform>Envoyer les %n documents antérieurs sélectionnés vers Clio (Ctrl+U)</numerusform>
        </translation>
    </message>
    <message>
        <source>Select historical documents (not in Clio) to push them (Ctrl+U)</source>
        <translation>Sélectionnez des documents antérieurs (absents de Clio) pour les envoyer (Ctrl+U)</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>1 document</source>
        <translation>1 document</translation>
    </message>
    <message numerus="yes">
        <source>%n documents</source>
        <translation>
            <numerusform>%n document</numerusform>
            <numerusform>%n documents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not in Clio</source>
        <translation>
            <numerusform>%n absent de Clio</numerusform>
            <numerusform>%n absents de Clio</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <source>All set</source>
        <translation>C&apos;est prêt</translation>
    </message>
    <message>
        <source>Here is what happens next.</source>
        <translation>Voici la suite.</translation>
    </message>
    <message>
        <source>Prolegis Desktop checks for changes every minute and keeps running in the system tray when you close its window.</source>
        <translation>Prolegis Desktop vérifie les changements chaque minute et continue de fonctionner dans la zone de notification quand vous fermez sa fenêtre.</translation>
    </message>
    <message>
        <source>New matters are created in Clio as soon as one of their clients is linked.</source>
        <translation>Les nouveaux dossiers sont créés dans Clio dès qu&apos;un de leurs clients est lié.</translation>
    </message>
    <message>
        <source>Pre-existing matters wait: open a matter and choose “Sync with Clio” when you want it in step.</source>
        <translation>Les dossiers existants attendent&#xa0;: ouvrez un dossier et choisissez «&#xa0;Synchroniser avec Clio&#xa0;» quand vous voulez le synchroniser.</translation>
    </message>
    <message>
        <source>Historical documents stay on this computer until you push them.</source>
        <translation>Les documents antérieurs restent sur cet ordinateur jusqu&apos;à ce que vous les envoyiez.</translation>
    </message>
    <message>
        <source>If a document changes in both places, you choose which version to keep.</source>
        <translation>Si un document change aux deux endroits, vous choisissez la version à garder.</translation>
    </message>
</context>
<context>
    <name>Drop</name>
    <message>
        <source>Drop the files on a matter.</source>
        <translation>Déposez les fichiers sur un dossier.</translation>
    </message>
    <message>
        <source>Only files on this computer can be dropped here. Save them to a folder first.</source>
        <translation>Seuls des fichiers de cet ordinateur peuvent être déposés ici. Enregistrez-les d&apos;abord dans un répertoire.</translation>
    </message>
    <message>
        <source>Nothing to drop: drag files from your file manager.</source>
        <translation>Rien à déposer&#xa0;: glissez des fichiers depuis votre gestionnaire de fichiers.</translation>
    </message>
    <message>
        <source>Folders can&apos;t be dropped — open the folder and drag the files inside it.</source>
        <translation>Impossible de déposer un répertoire — ouvrez-le et glissez les fichiers qu&apos;il contient.</translation>
    </message>
    <message>
        <source>Some of these are not files on this computer. Drop only local files.</source>
        <translation>Certains éléments ne sont pas des fichiers de cet ordinateur. Déposez seulement des fichiers locaux.</translation>
    </message>
    <message>
        <source>%1 is not linked to a Clio matter yet — use “Sync with Clio” first.</source>
        <translation>%1 n&apos;est pas encore lié à un dossier Clio — utilisez d&apos;abord «&#xa0;Synchroniser avec Clio&#xa0;».</translation>
    </message>
    <message>
        <source>Copy 1 file into %1 and push it to Clio</source>
        <translation>Copier 1 fichier dans %1 et l&apos;envoyer vers Clio</translation>
    </message>
    <message numerus="yes">
        <source>Copy %n files into %1 and push them to Clio</source>
        <translation>
            <numerusform>Copier %n fichier dans %1 et l&apos;envoyer vers Clio</numerusform>
            <numerusform>Copier %n fichiers dans %1 et les envoyer vers Clio</numerusform>
        </translation>
    </message>
    <message>
        <source>Push 1 file to %1</source>
        <translation>Envoyer 1 fichier vers %1</translation>
    </message>
    <message numerus="yes">
        <source>Push %n files to %1</source>
        <translation>
            <numerusform>Envoyer %n fichier vers %1</numerusform>
            <numerusform>Envoyer %n fichiers vers %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Copy 1 file into %1 and push it</source>
        <translation>Copier 1 fichier dans %1 et l&apos;envoyer</translation>
    </message>
    <message numerus="yes">
        <source>Copy %n files into %1 and push them</source>
        <translation>
            <numerusform>Copier %n fichier dans %1 et l&apos;envoyer</numerusform>
            <numerusform>Copier %n fichiers dans %1 et les envoyer</numerusform>
        </translation>
    </message>
    <message>
        <source>; push 1 file already in the folder</source>
        <translation>; envoyer 1 fichier déjà dans le répertoire</translation>
    </message>
    <message numerus="yes">
        <source>; push %n files already in the folder</source>
        <translation>
            <numerusform>; envoyer %n fichier déjà dans le répertoire</numerusform>
            <numerusform>; envoyer %n fichiers déjà dans le répertoire</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EngineMessages</name>
    <message>
        <source>open</source>
        <comment>matter status</comment>
        <translation>ouvert</translation>
    </message>
    <message>
        <source>pending</source>
        <comment>matter status</comment>
        <translation>en attente</translation>
    </message>
    <message>
        <source>closed</source>
        <comment>matter status</comment>
        <translation>fermé</translation>
    </message>
    <message>
        <source>Uploaded {path}</source>
        <translation>Téléversé vers Clio&#xa0;: {path}</translation>
    </message>
    <message>
        <source>Uploaded a new version of {path}</source>
        <translation>Nouvelle version de {path} téléversée vers Clio</translation>
    </message>
    <message>
        <source>Downloaded {path}</source>
        <translation>Téléchargé de Clio&#xa0;: {path}</translation>
    </message>
    <message>
        <source>Deleted {path} in Clio (kept in Clio&apos;s trash for 30 days)</source>
        <translation>{path} supprimé dans Clio (gardé 30 jours dans la corbeille de Clio)</translation>
    </message>
    <message>
        <source>Moved {old} to {new} in Clio</source>
        <translation>{old} déplacé vers {new} dans Clio</translation>
    </message>
    <message>
        <source>Moved {old} to {new}</source>
        <translation>{old} déplacé vers {new}</translation>
    </message>
    <message>
        <source>Restored {path} in Clio (changed here, deleted in Clio)</source>
        <translation>{path} restauré dans Clio (modifié ici, supprimé dans Clio)</translation>
    </message>
    <message>
        <source>Moved folder {old} to {new}</source>
        <translation>Répertoire {old} déplacé vers {new}</translation>
    </message>
    <message>
        <source>Deleted folder {path} in Clio</source>
        <translation>Répertoire {path} supprimé dans Clio</translation>
    </message>
    <message>
        <source>Moved folder {old} to {new} in Clio</source>
        <translation>Répertoire {old} déplacé vers {new} dans Clio</translation>
    </message>
    <message>
        <source>Moved {path} to the trash</source>
        <translation>{path} mis à la corbeille</translation>
    </message>
    <message>
        <source>Moved {path} to the recovery folder ({location})</source>
        <translation>{path} déplacé dans le répertoire de récupération ({location})</translation>
    </message>
    <message>
        <source>Copied {source} into the matter folder as {path}</source>
        <translation>{source} copié dans le répertoire du dossier sous le nom {path}</translation>
    </message>
    <message>
        <source>{path}: {reason}</source>
        <translation>{path}&#xa0;: {reason}</translation>
    </message>
    <message numerus="yes">
        <source>Tried {n} time(s); it will be tried again.</source>
        <translation>
            <numerusform>{n} essai jusqu&apos;ici; un nouvel essai suivra.</numerusform>
            <numerusform>{n} essais jusqu&apos;ici; un nouvel essai suivra.</numerusform>
        </translation>
    </message>
    <message>
        <source>A document could not be synced</source>
        <translation>Un document n&apos;a pas pu être synchronisé</translation>
    </message>
    <message>
        <source>{path}: same content in Clio; linked</source>
        <translation>{path}&#xa0;: même contenu dans Clio; lié</translation>
    </message>
    <message>
        <source>{path}: changed here and in Clio; both kept ({copy})</source>
        <translation>{path}&#xa0;: modifié ici et dans Clio; les deux sont gardés ({copy})</translation>
    </message>
    <message>
        <source>Version conflict</source>
        <translation>Conflit de versions</translation>
    </message>
    <message>
        <source>{path} was changed here and in Clio; both versions are kept until you choose.</source>
        <translation>{path} a été modifié ici et dans Clio; les deux versions sont gardées jusqu&apos;à votre choix.</translation>
    </message>
    <message>
        <source>{path}: kept this computer&apos;s version</source>
        <translation>{path}&#xa0;: version de cet ordinateur gardée</translation>
    </message>
    <message>
        <source>{path}: kept Clio&apos;s version</source>
        <translation>{path}&#xa0;: version de Clio gardée</translation>
    </message>
    <message>
        <source>{path}: kept both versions</source>
        <translation>{path}&#xa0;: les deux versions gardées</translation>
    </message>
    <message numerus="yes">
        <source>{n} deletions held: {reason}</source>
        <translation>
            <numerusform>{n} suppression retenue&#xa0;: {reason}</numerusform>
            <numerusform>{n} suppressions retenues&#xa0;: {reason}</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not restore {path}: {reason}</source>
        <translation>Impossible de restaurer {path}&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Restored folder {path}</source>
        <translation>Répertoire {path} restauré</translation>
    </message>
    <message>
        <source>Downloaded {path} again (its deletion was undone)</source>
        <translation>{path} téléchargé de nouveau (sa suppression a été annulée)</translation>
    </message>
    <message>
        <source>Restored {path} in Clio (its deletion was undone)</source>
        <translation>{path} restauré dans Clio (sa suppression a été annulée)</translation>
    </message>
    <message numerus="yes">
        <source>{n} documents that were in the folder when the matter was linked stay out of Clio until you push them</source>
        <translation>
            <numerusform>{n} document qui était dans le répertoire quand le dossier a été lié reste hors de Clio jusqu&apos;à ce que vous l&apos;envoyiez</numerusform>
            <numerusform>{n} documents qui étaient dans le répertoire quand le dossier a été lié restent hors de Clio jusqu&apos;à ce que vous les envoyiez</numerusform>
        </translation>
    </message>
    <message>
        <source>Documents are no longer synced (files were left as they are)</source>
        <translation>Les documents ne sont plus synchronisés (les fichiers sont laissés tels quels)</translation>
    </message>
    <message>
        <source>Changes are found by the rescan every 10 minutes.</source>
        <translation>Les changements sont repérés par la nouvelle analyse faite toutes les 10 minutes.</translation>
    </message>
    <message>
        <source>Clio shows no document folder for this matter</source>
        <translation>Clio n&apos;indique aucun répertoire de documents pour ce dossier</translation>
    </message>
    <message numerus="yes">
        <source>the matter folder is missing but {n} documents are indexed in it; check that the drive or share is available. Nothing was deleted.</source>
        <translation>
            <numerusform>le répertoire du dossier est introuvable, mais {n} document y est indexé; vérifiez que le disque ou le partage réseau est accessible. Rien n&apos;a été supprimé.</numerusform>
            <numerusform>le répertoire du dossier est introuvable, mais {n} documents y sont indexés; vérifiez que le disque ou le partage réseau est accessible. Rien n&apos;a été supprimé.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Clio listed no documents but {n} are linked; treating this as an error, not as deletions.</source>
        <translation>
            <numerusform>Clio n&apos;a listé aucun document, mais {n} est lié; c&apos;est traité comme une erreur, non comme des suppressions.</numerusform>
            <numerusform>Clio n&apos;a listé aucun document, mais {n} sont liés; c&apos;est traité comme une erreur, non comme des suppressions.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Clio listed no folders but {n} are linked; treating this as an error, not as deletions.</source>
        <translation>
            <numerusform>Clio n&apos;a listé aucun répertoire, mais {n} est lié; c&apos;est traité comme une erreur, non comme des suppressions.</numerusform>
            <numerusform>Clio n&apos;a listé aucun répertoire, mais {n} sont liés; c&apos;est traité comme une erreur, non comme des suppressions.</numerusform>
        </translation>
    </message>
    <message>
        <source>Matter found in Clio and linked {number}</source>
        <translation>Dossier trouvé dans Clio et lié&#xa0;: {number}</translation>
    </message>
    <message>
        <source>Matter linked to {number}</source>
        <translation>Dossier lié à {number}</translation>
    </message>
    <message>
        <source>Matter created in Clio as {number}</source>
        <translation>Dossier créé dans Clio sous le numéro {number}</translation>
    </message>
    <message>
        <source>Linked to the Clio matter {number}</source>
        <translation>Lié au dossier Clio {number}</translation>
    </message>
    <message>
        <source>Unlinked from Clio</source>
        <translation>Délié de Clio</translation>
    </message>
    <message>
        <source>Status {old_status} → {status} carried to Clio</source>
        <translation>Statut {old_status} → {status} reporté dans Clio</translation>
    </message>
    <message>
        <source>Creating the Clio matter failed: {reason}</source>
        <translation>La création du dossier Clio a échoué&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>The status change did not reach Clio: {reason}</source>
        <translation>Le changement de statut n&apos;a pas atteint Clio&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>The Clio matter may have been created; it is looked up before anything else is done.</source>
        <translation>Le dossier Clio a peut-être été créé; il est recherché avant toute autre opération.</translation>
    </message>
    <message>
        <source>A new matter needs a linked client</source>
        <translation>Un nouveau dossier a besoin d&apos;un client lié</translation>
    </message>
    <message>
        <source>{matter}: link {names} to a Clio contact and its Clio matter is created on the next sync.</source>
        <translation>{matter}&#xa0;: liez {names} à un contact Clio et son dossier Clio sera créé à la prochaine synchronisation.</translation>
    </message>
    <message>
        <source>{matter}: it has no clients; add one in Prolegis and link it to a Clio contact, and its Clio matter is created on the next sync.</source>
        <translation>{matter}&#xa0;: ce dossier n&apos;a aucun client; ajoutez-en un dans Prolegis et liez-le à un contact Clio, et son dossier Clio sera créé à la prochaine synchronisation.</translation>
    </message>
    <message>
        <source>{client} created in Clio and linked</source>
        <translation>{client}&#xa0;: contact créé dans Clio et lié</translation>
    </message>
    <message>
        <source>{client} linked to {contact}</source>
        <translation>{client}&#xa0;: lien établi avec {contact}</translation>
    </message>
    <message>
        <source>{client} unlinked from Clio</source>
        <translation>{client}&#xa0;: délié de Clio</translation>
    </message>
    <message>
        <source>Creating a Clio contact for {name} did not finish; nothing was linked. Create it again if you still want it.</source>
        <translation>La création d&apos;un contact Clio pour {name} n&apos;a pas abouti; rien n&apos;a été lié. Créez-le de nouveau si vous le voulez toujours.</translation>
    </message>
    <message numerus="yes">
        <source>{n} confident matches linked</source>
        <translation>
            <numerusform>{n} correspondance sûre liée</numerusform>
            <numerusform>{n} correspondances sûres liées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>You confirmed creating {n} new Clio matters</source>
        <translation>
            <numerusform>Vous avez confirmé la création de {n} nouveau dossier Clio</numerusform>
            <numerusform>Vous avez confirmé la création de {n} nouveaux dossiers Clio</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>You confirmed deleting {n} entries in Clio</source>
        <translation>
            <numerusform>Vous avez confirmé la suppression de {n} entrée dans Clio</numerusform>
            <numerusform>Vous avez confirmé la suppression de {n} entrées dans Clio</numerusform>
        </translation>
    </message>
    <message>
        <source>Time entry {hours} h ({date}{note}) found in Clio and linked</source>
        <translation>Entrée de temps de {hours} h ({date}{note}) trouvée dans Clio et liée</translation>
    </message>
    <message>
        <source>Time entry {hours} h ({date}{note}) pushed to Clio</source>
        <translation>Entrée de temps de {hours} h ({date}{note}) envoyée vers Clio</translation>
    </message>
    <message>
        <source>Time entry {hours} h ({date}{note}) updated in Clio</source>
        <translation>Entrée de temps de {hours} h ({date}{note}) mise à jour dans Clio</translation>
    </message>
    <message>
        <source>Expense {amount} ({date}{note}) found in Clio and linked</source>
        <translation>Dépense de {amount} ({date}{note}) trouvée dans Clio et liée</translation>
    </message>
    <message>
        <source>Expense {amount} ({date}{note}) pushed to Clio</source>
        <translation>Dépense de {amount} ({date}{note}) envoyée vers Clio</translation>
    </message>
    <message>
        <source>Expense {amount} ({date}{note}) updated in Clio</source>
        <translation>Dépense de {amount} ({date}{note}) mise à jour dans Clio</translation>
    </message>
    <message>
        <source>Billed in Clio: locked (later changes in Prolegis are not pushed)</source>
        <translation>Facturée dans Clio&#xa0;: verrouillée (les changements faits ensuite dans Prolegis ne sont pas envoyés)</translation>
    </message>
    <message>
        <source>Edited in Clio since the last push ({clio}); keep Clio&apos;s or overwrite</source>
        <translation>Modifiée dans Clio depuis le dernier envoi ({clio}); gardez la version de Clio ou remplacez-la</translation>
    </message>
    <message>
        <source>Removed in Prolegis: deleted in Clio</source>
        <translation>Retirée dans Prolegis&#xa0;: supprimée dans Clio</translation>
    </message>
    <message>
        <source>Kept in Clio (removed in Prolegis)</source>
        <translation>Gardée dans Clio (retirée dans Prolegis)</translation>
    </message>
    <message>
        <source>Clio&apos;s edit overwritten with Prolegis&apos;</source>
        <translation>Modification faite dans Clio remplacée par la version de Prolegis</translation>
    </message>
    <message>
        <source>Kept the version edited in Clio</source>
        <translation>Version modifiée dans Clio gardée</translation>
    </message>
    <message>
        <source>Entry {entry} did not reach Clio: {reason}</source>
        <translation>L&apos;entrée {entry} n&apos;a pas atteint Clio&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Entry {entry} did not reach Clio: The entry may have reached Clio; it is looked up before anything else is done.</source>
        <translation>L&apos;entrée {entry} n&apos;a pas atteint Clio&#xa0;: elle y est peut-être arrivée; elle est recherchée dans Clio avant toute autre opération.</translation>
    </message>
    <message>
        <source>Entry {entry}: {reason}</source>
        <translation>Entrée {entry}&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>{reason}. Fix it with &apos;prolegis-desktop config set author_map …&apos; or in the settings; no time entries or expenses are pushed until then.</source>
        <translation>{reason}. Corrigez-le avec &apos;prolegis-desktop config set author_map …&apos; ou dans les paramètres; aucune entrée de temps ni dépense n&apos;est envoyée d&apos;ici là.</translation>
    </message>
    <message>
        <source>Already billed in Clio; the change was not pushed.</source>
        <translation>Déjà facturée dans Clio; la modification n&apos;a pas été envoyée.</translation>
    </message>
    <message>
        <source>Removed in Prolegis but already billed in Clio; kept in Clio.</source>
        <translation>Retirée dans Prolegis mais déjà facturée dans Clio; gardée dans Clio.</translation>
    </message>
    <message>
        <source>Edited in Clio since the last push; choose which to keep.</source>
        <translation>Modifiée dans Clio depuis le dernier envoi; choisissez laquelle garder.</translation>
    </message>
    <message>
        <source>Removed in Prolegis but edited in Clio since the last push; delete it in Clio or keep it.</source>
        <translation>Retirée dans Prolegis mais modifiée dans Clio depuis le dernier envoi; supprimez-la dans Clio ou gardez-la.</translation>
    </message>
    <message>
        <source>Deleted in Clio; push it again or leave it deleted.</source>
        <translation>Supprimée dans Clio; envoyez-la de nouveau ou laissez-la supprimée.</translation>
    </message>
    <message>
        <source>Nothing here can do “{command}”.</source>
        <translation>Rien ici ne peut faire «&#xa0;{command}&#xa0;».</translation>
    </message>
    <message>
        <source>A file or folder could not be used: {reason}</source>
        <translation>Un fichier ou un répertoire n&apos;a pas pu être utilisé&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>The Prolegis folder has not been read yet.</source>
        <translation>Le répertoire Prolegis n&apos;a pas encore été lu.</translation>
    </message>
    <message>
        <source>There is no client {client} in prolegis.json.</source>
        <translation>Il n&apos;y a aucun client {client} dans prolegis.json.</translation>
    </message>
    <message>
        <source>There is no matter {matter} in prolegis.json.</source>
        <translation>Il n&apos;y a aucun dossier {matter} dans prolegis.json.</translation>
    </message>
    <message>
        <source>Say which Clio contact to link, or ask to create one.</source>
        <translation>Indiquez quel contact Clio lier, ou demandez d&apos;en créer un.</translation>
    </message>
    <message>
        <source>Say which Clio matter to link, or ask to create one.</source>
        <translation>Indiquez quel dossier Clio lier, ou demandez d&apos;en créer un.</translation>
    </message>
    <message>
        <source>{client} is not linked to a Clio contact.</source>
        <translation>{client} n&apos;est pas lié à un contact Clio.</translation>
    </message>
    <message>
        <source>{matter} is not linked to Clio.</source>
        <translation>{matter} n&apos;est pas lié à Clio.</translation>
    </message>
    <message>
        <source>The confident matches changed meanwhile ({now} now, {confirmed} confirmed); nothing was linked. Review them and accept again.</source>
        <translation>Les correspondances sûres ont changé entre-temps ({now} maintenant, {confirmed} confirmées); rien n&apos;a été lié. Révisez-les et acceptez de nouveau.</translation>
    </message>
    <message>
        <source>Entry {entry} has nothing to decide.</source>
        <translation>L&apos;entrée {entry} n&apos;a rien à décider.</translation>
    </message>
    <message>
        <source>Already billed in Clio: Clio does not allow changing it.</source>
        <translation>Déjà facturée dans Clio&#xa0;: Clio ne permet pas de la modifier.</translation>
    </message>
    <message>
        <source>Entry {entry} can no longer be pushed from Prolegis.</source>
        <translation>L&apos;entrée {entry} ne peut plus être envoyée depuis Prolegis.</translation>
    </message>
    <message>
        <source>A Clio contact with the email {email} already exists: {name} (Clio contact {contact}). Link {client} to it instead (clients link {client_id} --contact {contact}); no contact was created.</source>
        <translation>Un contact Clio avec le courriel {email} existe déjà&#xa0;: {name} (contact Clio {contact}). Liez plutôt {client} à ce contact (clients link {client_id} --contact {contact}); aucun contact n&apos;a été créé.</translation>
    </message>
    <message>
        <source>The Clio contact {contact} no longer exists; nothing was linked.</source>
        <translation>Le contact Clio {contact} n&apos;existe plus; rien n&apos;a été lié.</translation>
    </message>
    <message>
        <source>The connection to Clio dropped while creating the contact for {client}, and it was not found in Clio. Nothing was linked; try again.</source>
        <translation>La connexion à Clio a été coupée pendant la création du contact de {client}, et il est introuvable dans Clio. Rien n&apos;a été lié; réessayez.</translation>
    </message>
    <message>
        <source>{matter} is already linked to the Clio matter {number}; unlink it first.</source>
        <translation>{matter} est déjà lié au dossier Clio {number}; déliez-le d&apos;abord.</translation>
    </message>
    <message>
        <source>The Clio matter {number} is already linked to the Prolegis matter {matter}.</source>
        <translation>Le dossier Clio {number} est déjà lié au dossier Prolegis {matter}.</translation>
    </message>
    <message>
        <source>The Clio matter {number} belongs to the Prolegis matter {matter} (its “Prolegis matter ID”); nothing was linked.</source>
        <translation>Le dossier Clio {number} appartient au dossier Prolegis {matter} (son «&#xa0;Prolegis matter ID&#xa0;»); rien n&apos;a été lié.</translation>
    </message>
    <message>
        <source>The Clio matter {number} does not exist.</source>
        <translation>Le dossier Clio {number} n&apos;existe pas.</translation>
    </message>
    <message>
        <source>{matter} needs a linked client before its Clio matter can be created. Link one of its clients first: {names}.</source>
        <translation>{matter} a besoin d&apos;un client lié avant que son dossier Clio puisse être créé. Liez d&apos;abord un de ses clients&#xa0;: {names}.</translation>
    </message>
    <message>
        <source>{matter} needs a linked client before its Clio matter can be created, and it has no clients: add one in Prolegis first.</source>
        <translation>{matter} a besoin d&apos;un client lié avant que son dossier Clio puisse être créé, et il n&apos;a aucun client&#xa0;: ajoutez-en d&apos;abord un dans Prolegis.</translation>
    </message>
    <message>
        <source>Matter {matter} is not linked to Clio; link it first.</source>
        <translation>Le dossier {matter} n&apos;est pas lié à Clio; liez-le d&apos;abord.</translation>
    </message>
    <message>
        <source>“{folder}” is not a folder inside the matter folder</source>
        <translation>«&#xa0;{folder}&#xa0;» n&apos;est pas un sous-répertoire du répertoire du dossier</translation>
    </message>
    <message>
        <source>{path}: not a file (nothing was pushed)</source>
        <translation>{path}&#xa0;: ce n&apos;est pas un fichier (rien n&apos;a été envoyé)</translation>
    </message>
    <message>
        <source>{path}: a temporary or lock file is never synced</source>
        <translation>{path}&#xa0;: un fichier temporaire ou de verrouillage n&apos;est jamais synchronisé</translation>
    </message>
    <message>
        <source>{path}: not a file inside the matter folder</source>
        <translation>{path}&#xa0;: ce n&apos;est pas un fichier du répertoire du dossier</translation>
    </message>
    <message>
        <source>There is no open conflict {conflict}.</source>
        <translation>Aucun conflit de versions ouvert ne porte le numéro {conflict}.</translation>
    </message>
    <message>
        <source>{path}: the Clio document is no longer linked here; choose “keep both”.</source>
        <translation>{path}&#xa0;: le document Clio n&apos;est plus lié ici; choisissez «&#xa0;Garder les deux&#xa0;».</translation>
    </message>
    <message>
        <source>{path} is gone; choose “keep Clio&apos;s” or “keep both”.</source>
        <translation>{path} n&apos;existe plus; choisissez «&#xa0;Garder celle de Clio&#xa0;» ou «&#xa0;Garder les deux&#xa0;».</translation>
    </message>
    <message>
        <source>{path}: {reason}; try again in a moment.</source>
        <translation>{path}&#xa0;: {reason}; réessayez dans un moment.</translation>
    </message>
    <message>
        <source>The Prolegis folder cannot be read: {reason}</source>
        <translation>Le répertoire Prolegis ne peut pas être lu&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>prolegis.json: {reason} (at {where})</source>
        <translation>prolegis.json&#xa0;: {reason} (à {where})</translation>
    </message>
    <message>
        <source>The Prolegis folder {root} is missing: no document was synced and nothing was deleted.</source>
        <translation>Le répertoire Prolegis {root} est introuvable&#xa0;: aucun document n&apos;a été synchronisé et rien n&apos;a été supprimé.</translation>
    </message>
    <message>
        <source>{path}: {reason} (tried again after {when})</source>
        <translation>{path}&#xa0;: {reason} (nouvel essai après {when})</translation>
    </message>
    <message>
        <source>Something went wrong while talking to Clio. Please try again.</source>
        <translation>Un problème est survenu pendant l&apos;échange avec Clio. Veuillez réessayer.</translation>
    </message>
    <message>
        <source>Prolegis Desktop needs you to sign in to Clio again.</source>
        <translation>Prolegis Desktop a besoin que vous vous reconnectiez à Clio.</translation>
    </message>
    <message>
        <source>Prolegis Desktop is not signed in to Clio. Sign in (Connect in the app, or &apos;prolegis-desktop login&apos;).</source>
        <translation>Prolegis Desktop n&apos;est pas connecté à Clio. Connectez-vous avec «&#xa0;Connecter&#xa0;» dans l&apos;application.</translation>
    </message>
    <message>
        <source>Your Clio sign-in has expired. Please sign in to Clio again.</source>
        <translation>Votre connexion à Clio a expiré. Veuillez vous reconnecter à Clio.</translation>
    </message>
    <message>
        <source>Clio no longer accepts this sign-in: it was revoked, the app was disconnected in Clio, or the account is in another region. Please sign in to Clio again.</source>
        <translation>Clio n&apos;accepte plus cette connexion&#xa0;: elle a été révoquée, l&apos;application a été déconnectée dans Clio, ou le compte est dans une autre région. Veuillez vous reconnecter à Clio.</translation>
    </message>
    <message>
        <source>No Clio app is set up for this Clio region. Ask your administrator for the firm&apos;s Clio app id and secret, and give them when signing in (--client-id and --client-secret, or the wizard&apos;s Advanced page).</source>
        <translation>Aucune application Clio n&apos;est configurée pour cette région Clio. Demandez à votre administrateur l&apos;identifiant et le secret de l&apos;application Clio du cabinet, et donnez-les à la connexion (--client-id et --client-secret, ou la page «&#xa0;Avancé&#xa0;» de l&apos;assistant).</translation>
    </message>
    <message>
        <source>The secret of the Clio app “{app}” is not stored on this computer. Sign in again giving --client-secret (or enter it in the wizard&apos;s Advanced page).</source>
        <translation>Le secret de l&apos;application Clio «&#xa0;{app}&#xa0;» n&apos;est pas enregistré sur cet ordinateur. Reconnectez-vous en donnant --client-secret (ou entrez-le à la page «&#xa0;Avancé&#xa0;» de l&apos;assistant).</translation>
    </message>
    <message>
        <source>The sign-in to Clio did not complete. Please start it again.</source>
        <translation>La connexion à Clio n&apos;a pas abouti. Veuillez la recommencer.</translation>
    </message>
    <message>
        <source>Access was declined in the Clio page. To connect, sign in again and choose to allow Prolegis Desktop.</source>
        <translation>L&apos;accès a été refusé dans la page Clio. Pour vous connecter, reconnectez-vous et choisissez d&apos;autoriser Prolegis Desktop.</translation>
    </message>
    <message>
        <source>The browser sent back an answer that does not belong to this sign-in (perhaps from an old tab). Close the old Clio tabs and start the sign-in again.</source>
        <translation>Le navigateur a renvoyé une réponse qui n&apos;appartient pas à cette connexion (peut-être d&apos;un ancien onglet). Fermez les anciens onglets Clio et recommencez la connexion.</translation>
    </message>
    <message>
        <source>No answer came back from the browser in time. Start the sign-in again and finish it in the Clio page that opens.</source>
        <translation>Aucune réponse n&apos;est revenue du navigateur à temps. Recommencez la connexion et terminez-la dans la page Clio qui s&apos;ouvre.</translation>
    </message>
    <message numerus="yes">
        <source>No answer came back from the browser within {n} minute(s). Start the sign-in again and finish it in the Clio page.</source>
        <translation>
            <numerusform>Aucune réponse n&apos;est revenue du navigateur en {n} minute. Recommencez la connexion et terminez-la dans la page Clio.</numerusform>
            <numerusform>Aucune réponse n&apos;est revenue du navigateur en {n} minutes. Recommencez la connexion et terminez-la dans la page Clio.</numerusform>
        </translation>
    </message>
    <message>
        <source>The sign-in to Clio was cancelled.</source>
        <translation>La connexion à Clio a été annulée.</translation>
    </message>
    <message>
        <source>Port {port} on this computer is used by another program, so the Clio sign-in cannot receive its answer. Close that program, or set another port with &apos;prolegis-desktop config set oauth_port N&apos; (the Clio app&apos;s redirect URI must use the same port).</source>
        <translation>Le port {port} de cet ordinateur est utilisé par un autre programme, donc la connexion à Clio ne peut pas recevoir sa réponse. Fermez ce programme, ou choisissez un autre port avec &apos;prolegis-desktop config set oauth_port N&apos; (l&apos;adresse de redirection de l&apos;application Clio doit utiliser le même port).</translation>
    </message>
    <message>
        <source>Clio refused the sign-in ({error}). Please start it again.</source>
        <translation>Clio a refusé la connexion ({error}). Veuillez la recommencer.</translation>
    </message>
    <message>
        <source>Clio did not accept the sign-in code: it was already used or has expired. Please start the sign-in again.</source>
        <translation>Clio n&apos;a pas accepté le code de connexion&#xa0;: il a déjà servi ou il a expiré. Veuillez recommencer la connexion.</translation>
    </message>
    <message>
        <source>Clio did not accept this app&apos;s client id and secret for {region}. Check the Clio app settings (each region needs its own registered app).</source>
        <translation>Clio n&apos;a pas accepté l&apos;identifiant et le secret de cette application pour {region}. Vérifiez les paramètres de l&apos;application Clio (chaque région a besoin de sa propre application inscrite).</translation>
    </message>
    <message>
        <source>The system keychain, where the Clio sign-in is kept, reported an error. Check that it works (it may need unlocking) and try again.</source>
        <translation>Le trousseau du système, où la connexion à Clio est gardée, a signalé une erreur. Vérifiez qu&apos;il fonctionne (il doit peut-être être déverrouillé) et réessayez.</translation>
    </message>
    <message>
        <source>No system keychain is available to keep the Clio sign-in safe. On Windows and macOS the built-in one is used; on Linux install and start GNOME Keyring or KWallet (a Secret Service provider), or choose a keyring backend in keyring&apos;s configuration (PYTHON_KEYRING_BACKEND). Then sign in again.</source>
        <translation>Aucun trousseau système n&apos;est disponible pour garder la connexion à Clio en sécurité. Sous Windows et macOS, celui du système est utilisé; sous Linux, installez et démarrez GNOME Keyring ou KWallet (un fournisseur Secret Service), ou choisissez un moteur dans la configuration de keyring (PYTHON_KEYRING_BACKEND). Reconnectez-vous ensuite.</translation>
    </message>
    <message>
        <source>The system keychain is locked, so the Clio sign-in cannot be read or saved. Unlock it (log in to your desktop session or open your keychain app) and try again.</source>
        <translation>Le trousseau du système est verrouillé, donc la connexion à Clio ne peut être ni lue ni enregistrée. Déverrouillez-le (ouvrez votre session ou l&apos;application de trousseau) et réessayez.</translation>
    </message>
    <message>
        <source>Clio refused this action: your Clio user or the Prolegis Desktop app does not have permission for it. Ask your Clio administrator to grant access.</source>
        <translation>Clio a refusé cette action&#xa0;: votre utilisateur Clio ou l&apos;application Prolegis Desktop n&apos;en a pas la permission. Demandez l&apos;accès à votre administrateur Clio.</translation>
    </message>
    <message>
        <source>The record was not found in Clio; it may have been deleted.</source>
        <translation>L&apos;enregistrement est introuvable dans Clio; il a peut-être été supprimé.</translation>
    </message>
    <message>
        <source>Someone changed this record in Clio since Prolegis Desktop last read it. It will be read again before anything is changed.</source>
        <translation>Quelqu&apos;un a modifié cet enregistrement dans Clio depuis sa dernière lecture par Prolegis Desktop. Il sera relu avant toute modification.</translation>
    </message>
    <message numerus="yes">
        <source>Clio limits how fast Prolegis Desktop may work; it will continue in about {n} second(s).</source>
        <translation>
            <numerusform>Clio limite la vitesse de travail de Prolegis Desktop; il reprendra dans environ {n} seconde.</numerusform>
            <numerusform>Clio limite la vitesse de travail de Prolegis Desktop; il reprendra dans environ {n} secondes.</numerusform>
        </translation>
    </message>
    <message>
        <source>Clio limits how fast Prolegis Desktop may work; it will continue shortly.</source>
        <translation>Clio limite la vitesse de travail de Prolegis Desktop; il reprendra sous peu.</translation>
    </message>
    <message>
        <source>Clio did not accept the change: {reason}</source>
        <translation>Clio n&apos;a pas accepté la modification&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Clio did not accept the change.</source>
        <translation>Clio n&apos;a pas accepté la modification.</translation>
    </message>
    <message>
        <source>Clio is busy with another change to this document or folder. It will be tried again in a moment.</source>
        <translation>Clio traite une autre modification de ce document ou de ce répertoire. Un nouvel essai suivra dans un moment.</translation>
    </message>
    <message>
        <source>This version of Prolegis Desktop uses a Clio API version that Clio has retired. Please update Prolegis Desktop.</source>
        <translation>Cette version de Prolegis Desktop utilise une version de l&apos;API Clio que Clio a retirée. Veuillez mettre Prolegis Desktop à jour.</translation>
    </message>
    <message>
        <source>Clio is having a problem right now. Prolegis Desktop will try again later.</source>
        <translation>Clio éprouve un problème en ce moment. Prolegis Desktop réessaiera plus tard.</translation>
    </message>
    <message>
        <source>Cannot reach Clio. Check the internet connection (and the office proxy, if any); Prolegis Desktop will try again.</source>
        <translation>Clio est injoignable. Vérifiez la connexion Internet (et le serveur mandataire du bureau, s&apos;il y en a un); Prolegis Desktop réessaiera.</translation>
    </message>
    <message>
        <source>Cannot reach Clio ({host}). Check the internet connection (and the office proxy, if any); Prolegis Desktop will try again.</source>
        <translation>Clio ({host}) est injoignable. Vérifiez la connexion Internet (et le serveur mandataire du bureau, s&apos;il y en a un); Prolegis Desktop réessaiera.</translation>
    </message>
    <message>
        <source>The connection to Clio dropped while a change was being sent. Prolegis Desktop will check whether it went through before trying again.</source>
        <translation>La connexion à Clio a été coupée pendant l&apos;envoi d&apos;une modification. Prolegis Desktop vérifiera si elle est passée avant de réessayer.</translation>
    </message>
    <message>
        <source>A file transfer to or from Clio&apos;s document storage failed. It will be tried again.</source>
        <translation>Un transfert de fichier vers ou depuis le stockage de documents de Clio a échoué. Un nouvel essai suivra.</translation>
    </message>
    <message>
        <source>“{name}” changed while it was being sent to Clio. It will be sent again once it stops changing.</source>
        <translation>«&#xa0;{name}&#xa0;» a changé pendant son envoi vers Clio. Il sera envoyé de nouveau quand il ne changera plus.</translation>
    </message>
    <message>
        <source>Clio did not find the uploaded file in its storage. It will be sent again.</source>
        <translation>Clio n&apos;a pas trouvé le fichier téléversé dans son stockage. Il sera envoyé de nouveau.</translation>
    </message>
    <message>
        <source>Clio sent a document storage address that is not secure (https); the transfer was stopped.</source>
        <translation>Clio a envoyé une adresse de stockage de documents qui n&apos;est pas sécurisée (https); le transfert a été arrêté.</translation>
    </message>
</context>
<context>
    <name>EntriesTab</name>
    <message>
        <source>Each person&apos;s computer sends the time entries and expenses they recorded, so none is sent twice.</source>
        <translation>L&apos;ordinateur de chaque personne envoie les entrées de temps et les dépenses qu&apos;elle a saisies, pour qu&apos;aucune ne soit envoyée deux fois.</translation>
    </message>
</context>
<context>
    <name>FolderCheck</name>
    <message>
        <source>The prolegis.json file has a problem at {where}: {what}</source>
        <translation>Le fichier prolegis.json a un problème à {where}&#xa0;: {what}</translation>
    </message>
    <message>
        <source>This is not a Prolegis folder: {why}</source>
        <translation>Ce n&apos;est pas un répertoire Prolegis&#xa0;: {why}</translation>
    </message>
</context>
<context>
    <name>FolderField</name>
    <message>
        <source>Prolegis folder</source>
        <translation>Répertoire Prolegis</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>Parco&amp;urir…</translation>
    </message>
    <message>
        <source>Choose the folder.</source>
        <translation>Choisissez le répertoire.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Vérification…</translation>
    </message>
    <message>
        <source>{matters}, {clients} found.</source>
        <translation>{matters} et {clients} trouvés.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln matter(s)</source>
        <translation>
            <numerusform>%Ln dossier</numerusform>
            <numerusform>%Ln dossiers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln client(s)</source>
        <translation>
            <numerusform>%Ln client</numerusform>
            <numerusform>%Ln clients</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose the Prolegis folder</source>
        <translation>Choisir le répertoire Prolegis</translation>
    </message>
</context>
<context>
    <name>FolderPage</name>
    <message>
        <source>Your Prolegis folder</source>
        <translation>Votre répertoire Prolegis</translation>
    </message>
    <message>
        <source>The folder where Prolegis keeps its matters, with the prolegis.json file at its top.</source>
        <translation>Le répertoire où Prolegis range ses dossiers, avec le fichier prolegis.json à sa racine.</translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message>
        <source>unknown size</source>
        <translation>taille inconnue</translation>
    </message>
    <message>
        <source>unknown time</source>
        <translation>heure inconnue</translation>
    </message>
    <message>
        <source>today {time}</source>
        <translation>aujourd&apos;hui {time}</translation>
    </message>
    <message>
        <source>yesterday {time}</source>
        <translation>hier {time}</translation>
    </message>
    <message>
        <source>{date} {time}</source>
        <comment>a date then a time</comment>
        <translation>{date} {time}</translation>
    </message>
</context>
<context>
    <name>GeneralTab</name>
    <message>
        <source>Prolegis &amp;folder:</source>
        <translation>&amp;Répertoire Prolegis&#xa0;:</translation>
    </message>
    <message>
        <source> seconds</source>
        <translation> secondes</translation>
    </message>
    <message>
        <source>Check Clio for changes every</source>
        <translation>Vérifier les changements dans Clio toutes les</translation>
    </message>
    <message>
        <source>Check Clio &amp;every:</source>
        <translation>Vérifier Clio &amp;toutes les&#xa0;:</translation>
    </message>
    <message>
        <source>Changes on this computer are seen at once; Clio is asked for its changes at this interval.</source>
        <translation>Les changements sur cet ordinateur sont vus tout de suite; Clio est interrogé sur ses changements à cet intervalle.</translation>
    </message>
    <message>
        <source>&amp;Pause syncing</source>
        <translation>&amp;Suspendre la synchronisation</translation>
    </message>
    <message>
        <source>&amp;Start Prolegis Desktop when I log in</source>
        <translation>&amp;Lancer Prolegis Desktop à l&apos;ouverture de ma session</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>The system&apos;s language</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>La&amp;ngue&#xa0;:</translation>
    </message>
    <message>
        <source>The new language is used at once, in every window.</source>
        <translation>La nouvelle langue s&apos;applique tout de suite, dans toutes les fenêtres.</translation>
    </message>
    <message>
        <source>Create &amp;diagnostics…</source>
        <translation>Créer un diagnost&amp;ic…</translation>
    </message>
    <message>
        <source>Support:</source>
        <translation>Soutien&#xa0;:</translation>
    </message>
    <message>
        <source>A zip file with the logs and settings for support; no passwords, tokens or documents.</source>
        <translation>Un fichier zip avec les journaux et les paramètres pour le soutien technique; aucun mot de passe, jeton ni document.</translation>
    </message>
</context>
<context>
    <name>MainToolBar</name>
    <message>
        <source>Toolbar</source>
        <translation>Barre d&apos;outils</translation>
    </message>
    <message>
        <source>Sync status</source>
        <translation>État de la synchronisation</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Synchroniser</translation>
    </message>
    <message>
        <source>Check Prolegis and Clio for changes now (F5)</source>
        <translation>Vérifier maintenant les changements dans Prolegis et Clio (F5)</translation>
    </message>
    <message>
        <source>Search matters, clients, Clio numbers…</source>
        <translation>Chercher dossiers, clients, numéros Clio…</translation>
    </message>
    <message>
        <source>Search matters</source>
        <translation>Chercher des dossiers</translation>
    </message>
    <message>
        <source>Search matters (Ctrl+F)</source>
        <translation>Chercher des dossiers (Ctrl+F)</translation>
    </message>
    <message>
        <source>Clear search</source>
        <translation>Effacer la recherche</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Activité</translation>
    </message>
    <message>
        <source>Show or hide the activity log (Ctrl+L)</source>
        <translation>Afficher ou masquer le journal d&apos;activité (Ctrl+L)</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <source>Resume syncing (Ctrl+Shift+P)</source>
        <translation>Reprendre la synchronisation (Ctrl+Maj+P)</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Suspendre</translation>
    </message>
    <message>
        <source>Pause syncing (Ctrl+Shift+P)</source>
        <translation>Suspendre la synchronisation (Ctrl+Maj+P)</translation>
    </message>
    <message>
        <source>Signed in as %1 (%2)</source>
        <translation>Connecté en tant que %1 (%2)</translation>
    </message>
    <message>
        <source>%1 of %2 matters linked to Clio</source>
        <translation>%1 dossiers sur %2 liés à Clio</translation>
    </message>
    <message>
        <source>Last sync: %1</source>
        <translation>Dernière synchronisation&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Prolegis ⇄ Clio</source>
        <translation>Prolegis ⇄ Clio</translation>
    </message>
    <message>
        <source>%1 could not be done</source>
        <translation>Échec&#xa0;: %1</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Synchroniser maintenant</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Suspendre</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <source>Push to Clio</source>
        <translation>Envoyer vers Clio</translation>
    </message>
    <message>
        <source>Sync with Clio</source>
        <translation>Synchroniser avec Clio</translation>
    </message>
    <message>
        <source>Unlink</source>
        <translation>Délier</translation>
    </message>
    <message>
        <source>Finding Clio matters</source>
        <translation>Recherche de dossiers Clio</translation>
    </message>
    <message>
        <source>Listing documents</source>
        <translation>Liste des documents</translation>
    </message>
    <message>
        <source>Link client</source>
        <translation>Lier le client</translation>
    </message>
    <message>
        <source>Unlink client</source>
        <translation>Délier le client</translation>
    </message>
    <message>
        <source>Resolving a version conflict</source>
        <translation>Résolution d&apos;un conflit de versions</translation>
    </message>
    <message>
        <source>Showing %1 of %2 matters</source>
        <translation>%1 dossiers affichés sur %2</translation>
    </message>
</context>
<context>
    <name>Matching</name>
    <message>
        <source>name</source>
        <translation>nom</translation>
    </message>
    <message>
        <source>email</source>
        <translation>courriel</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>téléphone</translation>
    </message>
    <message>
        <source>company</source>
        <translation>entreprise</translation>
    </message>
    <message>
        <source>address</source>
        <translation>adresse</translation>
    </message>
    <message>
        <source>{field} agrees</source>
        <translation>{field} concorde</translation>
    </message>
    <message>
        <source>{field} differs</source>
        <translation>{field} diffère</translation>
    </message>
    <message>
        <source>{field} partly agrees</source>
        <translation>{field} concorde en partie</translation>
    </message>
    <message>
        <source>Confident</source>
        <translation>Sûr</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>À vérifier</translation>
    </message>
    <message>
        <source>No match</source>
        <translation>Aucun</translation>
    </message>
    <message>
        <source>Linked</source>
        <translation>Lié</translation>
    </message>
</context>
<context>
    <name>MatchingPage</name>
    <message>
        <source>Link clients to Clio contacts</source>
        <translation>Lier les clients aux contacts Clio</translation>
    </message>
    <message>
        <source>A new matter is created in Clio only once one of its clients is linked to a Clio contact.</source>
        <translation>Un nouveau dossier n&apos;est créé dans Clio qu&apos;une fois un de ses clients lié à un contact Clio.</translation>
    </message>
    <message>
        <source>Prolegis Desktop suggests a Clio contact for each client, and shows why. Nothing is linked until you confirm it; confident matches can be accepted together.</source>
        <translation>Prolegis Desktop suggère un contact Clio pour chaque client, et montre pourquoi. Rien n&apos;est lié sans votre confirmation; les correspondances sûres peuvent être acceptées ensemble.</translation>
    </message>
    <message>
        <source>Link clients &amp;now, when I click Finish (recommended)</source>
        <translation>Lier les clients &amp;maintenant, quand je clique sur Terminer (recommandé)</translation>
    </message>
    <message>
        <source>&amp;Later, from the banner in the main window</source>
        <translation>Plus tar&amp;d, depuis le bandeau de la fenêtre principale</translation>
    </message>
</context>
<context>
    <name>MatterFlyout</name>
    <message>
        <source>Matter details</source>
        <translation>Détails du dossier</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Fermer (Échap)</translation>
    </message>
    <message>
        <source>Close matter details</source>
        <translation>Fermer les détails du dossier</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Clients</translation>
    </message>
    <message>
        <source>Clio</source>
        <translation>Clio</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Répertoire</translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation>Dernière synchro</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Ouvert le</translation>
    </message>
    <message>
        <source>Open in Clio</source>
        <translation>Ouvrir dans Clio</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Ouvrir le répertoire</translation>
    </message>
    <message>
        <source>Unlink from Clio…</source>
        <translation>Délier de Clio…</translation>
    </message>
    <message>
        <source>Unlink from Clio</source>
        <translation>Délier de Clio</translation>
    </message>
    <message>
        <source>Unlink</source>
        <translation>Délier</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Stop syncing this matter with Clio? Nothing is deleted: the folder and the Clio matter both stay as they are.</source>
        <translation>Arrêter de synchroniser ce dossier avec Clio? Rien n&apos;est supprimé&#xa0;: le répertoire et le dossier Clio restent tels quels.</translation>
    </message>
    <message>
        <source>Not linked</source>
        <translation>Non lié</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Jamais</translation>
    </message>
    <message>
        <source>Linked to a Clio contact</source>
        <translation>Lié à un contact Clio</translation>
    </message>
    <message>
        <source>Linked to Clio</source>
        <translation>Lié à Clio</translation>
    </message>
    <message>
        <source>Not linked to a Clio contact</source>
        <translation>Non lié à un contact Clio</translation>
    </message>
    <message>
        <source>not linked</source>
        <translation>non lié</translation>
    </message>
    <message>
        <source>No clients</source>
        <translation>Aucun client</translation>
    </message>
    <message>
        <source>Link clients…</source>
        <translation>Lier les clients…</translation>
    </message>
    <message>
        <source>Link clients</source>
        <translation>Lier les clients</translation>
    </message>
</context>
<context>
    <name>MatterTable</name>
    <message>
        <source>Matters</source>
        <translation>Dossiers</translation>
    </message>
</context>
<context>
    <name>MatterTableModel</name>
    <message>
        <source>No.</source>
        <translation>Nº</translation>
    </message>
    <message>
        <source>Matter</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Clients</translation>
    </message>
    <message>
        <source>Clio</source>
        <translation>Clio</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation>Dernière synchro</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>linked to Clio</source>
        <translation>lié à Clio</translation>
    </message>
    <message>
        <source>not linked</source>
        <translation>non lié</translation>
    </message>
    <message>
        <source>No clients</source>
        <translation>Aucun client</translation>
    </message>
    <message>
        <source>Not linked to a Clio matter</source>
        <translation>Non lié à un dossier Clio</translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation>Jamais synchronisé</translation>
    </message>
</context>
<context>
    <name>NewMattersGuardDialog</name>
    <message>
        <source>New matters waiting</source>
        <translation>Nouveaux dossiers en attente</translation>
    </message>
    <message>
        <source>Prolegis has more new matters than usual at once, so they were not created in Clio yet. Check the list: if these are real new matters, create them.</source>
        <translation>Prolegis a plus de nouveaux dossiers d&apos;un coup que d&apos;habitude, alors ils n&apos;ont pas encore été créés dans Clio. Vérifiez la liste&#xa0;: s&apos;il s&apos;agit de vrais nouveaux dossiers, créez-les.</translation>
    </message>
    <message>
        <source>New matters waiting to be created in Clio</source>
        <translation>Nouveaux dossiers en attente de création dans Clio</translation>
    </message>
    <message>
        <source>&amp;Not now</source>
        <translation>&amp;Pas maintenant</translation>
    </message>
    <message numerus="yes">
        <source>%n new matter(s) waiting to be created in Clio</source>
        <translation>
            <numerusform>%n nouveau dossier en attente de création dans Clio</numerusform>
            <numerusform>%n nouveaux dossiers en attente de création dans Clio</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Create %n matter(s) in Clio</source>
        <translation>
            <numerusform>&amp;Créer %n dossier dans Clio</numerusform>
            <numerusform>&amp;Créer %n dossiers dans Clio</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PushButton</name>
    <message>
        <source>Push to Clio</source>
        <translation>Envoyer vers Clio</translation>
    </message>
    <message>
        <source>Push 1 file</source>
        <translation>Envoyer 1 fichier</translation>
    </message>
    <message numerus="yes">
        <source>Push %n files</source>
        <translation>
            <numerusform>Envoyer %n fichier</numerusform>
            <numerusform>Envoyer %n fichiers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QDockWidget</name>
    <message>
        <source>Float</source>
        <translation>Détacher</translation>
    </message>
    <message>
        <source>Undocks and re-attaches the dock widget</source>
        <translation>Détache le panneau de la fenêtre ou l&apos;y rattache</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Closes the dock widget</source>
        <translation>Ferme le panneau</translation>
    </message>
</context>
<context>
    <name>QTabBar</name>
    <message>
        <source>Scroll Left</source>
        <translation>Défiler vers la gauche</translation>
    </message>
    <message>
        <source>Scroll Right</source>
        <translation>Défiler vers la droite</translation>
    </message>
</context>
<context>
    <name>QuickFilterBar</name>
    <message>
        <source>All %1</source>
        <translation>Tous (%1)</translation>
    </message>
    <message>
        <source>Needs attention %1</source>
        <translation>À traiter (%1)</translation>
    </message>
    <message>
        <source>Not synced %1</source>
        <translation>Non synchronisés (%1)</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Afficher&#xa0;:</translation>
    </message>
    <message>
        <source>Show these matters (%1)</source>
        <translation>Afficher ces dossiers (%1)</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>Show the selected matter&apos;s details (i)</source>
        <translation>Afficher les détails du dossier sélectionné (i)</translation>
    </message>
    <message>
        <source>Matter details</source>
        <translation>Détails du dossier</translation>
    </message>
</context>
<context>
    <name>Region</name>
    <message>
        <source>Canada</source>
        <translation>Canada</translation>
    </message>
    <message>
        <source>United States</source>
        <translation>États-Unis</translation>
    </message>
    <message>
        <source>Europe</source>
        <translation>Europe</translation>
    </message>
    <message>
        <source>Australia</source>
        <translation>Australie</translation>
    </message>
    <message>
        <source>Clio sandbox (demo)</source>
        <translation>Bac à sable Clio (démo)</translation>
    </message>
    <message>
        <source>Clio {region} ({host})</source>
        <translation>Clio {region} ({host})</translation>
    </message>
    <message>
        <source>Clio sandbox (demo) — {url}</source>
        <translation>Bac à sable Clio (démo) — {url}</translation>
    </message>
</context>
<context>
    <name>RegionPage</name>
    <message>
        <source>Where is your firm&apos;s Clio account?</source>
        <translation>Où se trouve le compte Clio de votre cabinet?</translation>
    </message>
    <message>
        <source>Your data stays in the Clio region you choose. Most Canadian firms use Clio Canada.</source>
        <translation>Vos données restent dans la région Clio choisie. La plupart des cabinets canadiens utilisent Clio Canada.</translation>
    </message>
    <message>
        <source>{region} — {host}</source>
        <translation>{region} — {host}</translation>
    </message>
    <message>
        <source>My firm uses its own registered Clio app (&amp;Advanced)</source>
        <translation>Mon cabinet utilise sa propre application Clio inscrite (&amp;Avancé)</translation>
    </message>
    <message>
        <source>Looking in this computer&apos;s keychain…</source>
        <translation>Recherche dans le trousseau de cet ordinateur…</translation>
    </message>
    <message>
        <source>This copy of Prolegis Desktop has no Clio app for this region: the next page asks for your firm&apos;s app id and secret.</source>
        <translation>Cette copie de Prolegis Desktop n&apos;a pas d&apos;application Clio pour cette région&#xa0;: la page suivante demande l&apos;identifiant et le secret de l&apos;application de votre cabinet.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Disconnecting from Clio</source>
        <translation>Déconnexion de Clio</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>&amp;Général</translation>
    </message>
    <message>
        <source>&amp;Clio</source>
        <translation>&amp;Clio</translation>
    </message>
    <message>
        <source>&amp;Time entries</source>
        <translation>&amp;Entrées de temps</translation>
    </message>
    <message>
        <source>C&amp;onflicts</source>
        <translation>C&amp;onflits</translation>
    </message>
    <message>
        <source>The Prolegis folder is not valid: {why}</source>
        <translation>Le répertoire Prolegis n&apos;est pas valide&#xa0;: {why}</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Enregistré.</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Non connecté</translation>
    </message>
    <message>
        <source>Saving the app secret</source>
        <translation>Enregistrement du secret de l&apos;application</translation>
    </message>
    <message>
        <source>Enter the app id before its secret.</source>
        <translation>Entrez l&apos;identifiant de l&apos;application avant son secret.</translation>
    </message>
    <message>
        <source>The app secret could not be saved: {why}</source>
        <translation>Le secret de l&apos;application n&apos;a pas pu être enregistré&#xa0;: {why}</translation>
    </message>
    <message>
        <source>Saving the app secret in this computer&apos;s keychain…</source>
        <translation>Enregistrement du secret de l&apos;application dans le trousseau de cet ordinateur…</translation>
    </message>
    <message>
        <source>Start at login could not be changed: {why}</source>
        <translation>Le lancement à l&apos;ouverture de session n&apos;a pas pu être modifié&#xa0;: {why}</translation>
    </message>
    <message>
        <source>Disconnect from Clio</source>
        <translation>Se déconnecter de Clio</translation>
    </message>
    <message>
        <source>Disconnect Prolegis Desktop from Clio? Syncing stops and the sign-in is removed from this computer. Nothing is deleted in Clio or in your Prolegis folder.</source>
        <translation>Déconnecter Prolegis Desktop de Clio? La synchronisation s&apos;arrête et la connexion est retirée de cet ordinateur. Rien n&apos;est supprimé dans Clio ni dans votre répertoire Prolegis.</translation>
    </message>
    <message>
        <source>Disconnecting…</source>
        <translation>Déconnexion…</translation>
    </message>
    <message>
        <source>Disconnected on this computer, but Clio could not be told: {why}</source>
        <translation>Déconnecté sur cet ordinateur, mais Clio n&apos;a pas pu en être averti&#xa0;: {why}</translation>
    </message>
    <message>
        <source>Disconnected from Clio.</source>
        <translation>Déconnecté de Clio.</translation>
    </message>
</context>
<context>
    <name>Shell</name>
    <message>
        <source>…and %1 more</source>
        <translation>…et %1 de plus</translation>
    </message>
    <message>
        <source>Entries removed in Prolegis</source>
        <translation>Entrées retirées dans Prolegis</translation>
    </message>
    <message numerus="yes">
        <source>%n time entries or expenses were removed in Prolegis at once.</source>
        <translation>
            <numerusform>%n entrée de temps ou dépense a été retirée dans Prolegis d&apos;un seul coup.</numerusform>
            <numerusform>%n entrées de temps ou dépenses ont été retirées dans Prolegis d&apos;un seul coup.</numerusform>
        </translation>
    </message>
    <message>
        <source>These time entries and expenses were removed in Prolegis. Delete them in Clio too?</source>
        <translation>Ces entrées de temps et ces dépenses ont été retirées dans Prolegis. Les supprimer aussi dans Clio?</translation>
    </message>
    <message>
        <source>Delete in Clio</source>
        <translation>Supprimer dans Clio</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Pas maintenant</translation>
    </message>
    <message>
        <source>New Prolegis folder</source>
        <translation>Nouveau répertoire Prolegis</translation>
    </message>
    <message>
        <source>The app restarts to sync the new Prolegis folder.</source>
        <translation>L&apos;application redémarre pour synchroniser le nouveau répertoire Prolegis.</translation>
    </message>
    <message>
        <source>Restart now</source>
        <translation>Redémarrer maintenant</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Plus tard</translation>
    </message>
    <message>
        <source>Prolegis ⇄ Clio</source>
        <translation>Prolegis ⇄ Clio</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
</context>
<context>
    <name>SignIn</name>
    <message>
        <source>Access was declined on the Clio page, so Prolegis Desktop is not connected. To connect, sign in again and choose Allow (or Approve).</source>
        <translation>L&apos;accès a été refusé sur la page de Clio, donc Prolegis Desktop n&apos;est pas connecté. Pour le connecter, reconnectez-vous et choisissez «&#xa0;Autoriser&#xa0;» (ou «&#xa0;Approuver&#xa0;»).</translation>
    </message>
    <message>
        <source>No answer came back from the browser in time. Sign in again and finish on the Clio page that opens; if no page opened, use Copy link and paste it into your browser.</source>
        <translation>Aucune réponse n&apos;est revenue du navigateur à temps. Reconnectez-vous et terminez sur la page de Clio qui s&apos;ouvre; si aucune page ne s&apos;ouvre, utilisez «&#xa0;Copier le lien&#xa0;» et collez-le dans votre navigateur.</translation>
    </message>
    <message>
        <source>Another program on this computer is using port {port}, where the answer from Clio must arrive. Close that program and try again, or choose another port on the Advanced page (your firm&apos;s Clio app must then use the same port in its redirect address).</source>
        <translation>Un autre programme de cet ordinateur utilise le port {port}, où la réponse de Clio doit arriver. Fermez ce programme et réessayez, ou choisissez un autre port à la page «&#xa0;Avancé&#xa0;» (l&apos;application Clio de votre cabinet doit alors utiliser le même port dans son adresse de redirection).</translation>
    </message>
    <message>
        <source>The sign-in was cancelled.</source>
        <translation>La connexion a été annulée.</translation>
    </message>
    <message>
        <source>No Clio app is set up for this region in this copy of Prolegis Desktop. Enter your firm&apos;s Clio app id and secret on the Advanced page.</source>
        <translation>Aucune application Clio n&apos;est configurée pour cette région dans cette copie de Prolegis Desktop. Entrez l&apos;identifiant et le secret de l&apos;application Clio de votre cabinet à la page «&#xa0;Avancé&#xa0;».</translation>
    </message>
    <message>
        <source>The system keychain is locked, so the Clio sign-in cannot be kept safely. Unlock it and sign in again.</source>
        <translation>Le trousseau du système est verrouillé, donc la connexion à Clio ne peut pas être gardée en sécurité. Déverrouillez-le et reconnectez-vous.</translation>
    </message>
    <message>
        <source>No system keychain is available to keep the Clio sign-in safe. On Linux, install and start GNOME Keyring or KWallet, then sign in again.</source>
        <translation>Aucun trousseau système n&apos;est disponible pour garder la connexion à Clio en sécurité. Sous Linux, installez et démarrez GNOME Keyring ou KWallet, puis reconnectez-vous.</translation>
    </message>
    <message>
        <source>The browser sent back an answer from another sign-in (perhaps an old tab). Close the old Clio tabs and sign in again.</source>
        <translation>Le navigateur a renvoyé la réponse d&apos;une autre connexion (peut-être un ancien onglet). Fermez les anciens onglets Clio et reconnectez-vous.</translation>
    </message>
    <message>
        <source>Clio did not accept this app&apos;s id and secret for this region. Check them on the Advanced page (each region needs its own registered app).</source>
        <translation>Clio n&apos;a pas accepté l&apos;identifiant et le secret de cette application pour cette région. Vérifiez-les à la page «&#xa0;Avancé&#xa0;» (chaque région a besoin de sa propre application inscrite).</translation>
    </message>
    <message>
        <source>Clio could not be reached. Check the internet connection (and the office proxy, if any), then sign in again.</source>
        <translation>Clio est injoignable. Vérifiez la connexion Internet (et le serveur mandataire du bureau, s&apos;il y en a un), puis reconnectez-vous.</translation>
    </message>
    <message>
        <source>The sign-in failed unexpectedly. Please try again.</source>
        <translation>La connexion a échoué de façon inattendue. Veuillez réessayer.</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <source>Sign in with Clio</source>
        <translation>Se connecter avec Clio</translation>
    </message>
    <message>
        <source>Your Clio password is typed on Clio&apos;s own page, never in Prolegis Desktop.</source>
        <translation>Votre mot de passe Clio se tape sur la page de Clio elle-même, jamais dans Prolegis Desktop.</translation>
    </message>
    <message>
        <source>Waiting for Clio</source>
        <translation>En attente de Clio</translation>
    </message>
    <message>
        <source>Finish signing in on the Clio page, then come back here: this window moves on by itself. If no browser page opened, copy the link into your browser.</source>
        <translation>Terminez la connexion sur la page de Clio, puis revenez ici&#xa0;: cette fenêtre passe d&apos;elle-même à la suite. Si aucune page ne s&apos;est ouverte, copiez le lien dans votre navigateur.</translation>
    </message>
    <message>
        <source>&amp;Cancel sign-in</source>
        <translation>&amp;Annuler la connexion</translation>
    </message>
    <message>
        <source>Copy &amp;link</source>
        <translation>Copier le &amp;lien</translation>
    </message>
    <message>
        <source>Clio&apos;s sign-in page opens in your web browser. Sign in there with your Clio account for {target} and allow Prolegis Desktop.</source>
        <translation>La page de connexion de Clio s&apos;ouvre dans votre navigateur Web. Connectez-vous-y avec votre compte Clio pour {target} et autorisez Prolegis Desktop.</translation>
    </message>
    <message>
        <source>Waiting for Clio in your browser…</source>
        <translation>En attente de Clio dans votre navigateur…</translation>
    </message>
    <message>
        <source>Link copied. Paste it into your browser&apos;s address bar. Waiting for Clio…</source>
        <translation>Lien copié. Collez-le dans la barre d&apos;adresse de votre navigateur. En attente de Clio…</translation>
    </message>
    <message>
        <source>No browser could be opened. Copy the link and paste it into your browser. Waiting for Clio…</source>
        <translation>Aucun navigateur n&apos;a pu être ouvert. Copiez le lien et collez-le dans votre navigateur. En attente de Clio…</translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation>&amp;Réessayer</translation>
    </message>
    <message>
        <source>&amp;Sign in with Clio</source>
        <translation>Se co&amp;nnecter avec Clio</translation>
    </message>
    <message>
        <source>Signed in as {name}.</source>
        <translation>Connecté en tant que {name}.</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>In sync</source>
        <translation>Synchronisé</translation>
    </message>
    <message>
        <source>Syncing</source>
        <translation>Synchronisation</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Needs a linked client</source>
        <translation>Client à lier</translation>
    </message>
    <message>
        <source>Not synced (pre-existing)</source>
        <translation>Non synchronisé (existant)</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Conflit</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Suspendu</translation>
    </message>
    <message>
        <source>Waiting for your OK</source>
        <translation>Attend votre accord</translation>
    </message>
    <message>
        <source>Syncing %1↑ %2↓</source>
        <translation>Synchronisation %1↑ %2↓</translation>
    </message>
    <message numerus="yes">
        <source>Pending (%n)</source>
        <translation>
            <numerusform>En attente (%n)</numerusform>
            <numerusform>En attente (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Conflict (%n)</source>
        <translation>
            <numerusform>Conflit (%n)</numerusform>
            <numerusform>Conflits (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Pre-existing matter: choose “Sync with Clio” to link it.</source>
        <translation>Dossier existant&#xa0;: choisissez «&#xa0;Synchroniser avec Clio&#xa0;» pour le lier.</translation>
    </message>
    <message>
        <source>Link one of its clients to a Clio contact.</source>
        <translation>Liez un de ses clients à un contact Clio.</translation>
    </message>
    <message>
        <source>Needs a linked client: %1</source>
        <translation>Client à lier&#xa0;: %1</translation>
    </message>
    <message>
        <source>Waiting for you to confirm creating new Clio matters.</source>
        <translation>Attend que vous confirmiez la création de nouveaux dossiers Clio.</translation>
    </message>
    <message>
        <source>1 deletion held: confirm it or restore the file.</source>
        <translation>1 suppression retenue&#xa0;: confirmez-la ou restaurez le fichier.</translation>
    </message>
    <message numerus="yes">
        <source>%n deletions held: confirm or restore them.</source>
        <translation>
            <numerusform>%n suppression retenue&#xa0;: confirmez-la ou restaurez le fichier.</numerusform>
            <numerusform>%n suppressions retenues&#xa0;: confirmez-les ou restaurez les fichiers.</numerusform>
        </translation>
    </message>
    <message>
        <source>Syncing is paused.</source>
        <translation>La synchronisation est suspendue.</translation>
    </message>
    <message numerus="yes">
        <source>%n version conflicts to resolve</source>
        <translation>
            <numerusform>%n conflit de versions à résoudre</numerusform>
            <numerusform>%n conflits de versions à résoudre</numerusform>
        </translation>
    </message>
    <message>
        <source>1 version conflict to resolve</source>
        <translation>1 conflit de versions à résoudre</translation>
    </message>
    <message>
        <source>A document could not be synced.</source>
        <translation>Un document n&apos;a pas pu être synchronisé.</translation>
    </message>
    <message>
        <source>The Clio matter will be created on the next sync.</source>
        <translation>Le dossier Clio sera créé à la prochaine synchronisation.</translation>
    </message>
    <message numerus="yes">
        <source>%n changes waiting to be synced</source>
        <translation>
            <numerusform>%n changement en attente de synchronisation</numerusform>
            <numerusform>%n changements en attente de synchronisation</numerusform>
        </translation>
    </message>
    <message>
        <source>1 change waiting to be synced</source>
        <translation>1 changement en attente de synchronisation</translation>
    </message>
    <message>
        <source>same client</source>
        <translation>même client</translation>
    </message>
    <message>
        <source>same description</source>
        <translation>même description</translation>
    </message>
    <message>
        <source>similar description</source>
        <translation>description semblable</translation>
    </message>
    <message>
        <source>same number</source>
        <translation>même numéro</translation>
    </message>
    <message>
        <source>same open date</source>
        <translation>même date d&apos;ouverture</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1&#xa0;%</translation>
    </message>
    <message>
        <source>Uploading</source>
        <translation>Téléversement</translation>
    </message>
    <message>
        <source>Downloading</source>
        <translation>Téléchargement</translation>
    </message>
    <message>
        <source>Historical — not in Clio</source>
        <translation>Antérieur — absent de Clio</translation>
    </message>
    <message>
        <source>Version conflict</source>
        <translation>Conflit de versions</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>En suspens</translation>
    </message>
    <message>
        <source>Deletion held</source>
        <translation>Suppression retenue</translation>
    </message>
    <message>
        <source>Changed here and in Clio since the last sync: choose which to keep.</source>
        <translation>Modifié ici et dans Clio depuis la dernière synchronisation&#xa0;: choisissez la version à garder.</translation>
    </message>
    <message>
        <source>Deleted on the other side: held until you confirm or restore it.</source>
        <translation>Supprimé de l&apos;autre côté&#xa0;: retenu jusqu&apos;à ce que vous confirmiez ou restauriez.</translation>
    </message>
    <message>
        <source>Offline — retrying</source>
        <translation>Hors ligne — nouvel essai sous peu</translation>
    </message>
    <message>
        <source>Version conflicts</source>
        <translation>Conflits de versions</translation>
    </message>
    <message>
        <source>Not connected to Clio</source>
        <translation>Non connecté à Clio</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Démarrage…</translation>
    </message>
    <message>
        <source>In sync — %1</source>
        <translation>Synchronisé — %1</translation>
    </message>
    <message numerus="yes">
        <source>about %n min left</source>
        <translation>
            <numerusform>encore env. %n min</numerusform>
            <numerusform>encore env. %n min</numerusform>
        </translation>
    </message>
    <message>
        <source>1 version conflict</source>
        <translation>1 conflit de versions</translation>
    </message>
    <message numerus="yes">
        <source>%n version conflicts</source>
        <translation>
            <numerusform>%n conflit de versions</numerusform>
            <numerusform>%n conflits de versions</numerusform>
        </translation>
    </message>
    <message>
        <source>just now</source>
        <translation>à l&apos;instant</translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>il y a %n min</numerusform>
            <numerusform>il y a %n min</numerusform>
        </translation>
    </message>
    <message>
        <source>yesterday %1</source>
        <translation>hier %1</translation>
    </message>
    <message>
        <source>%1 B</source>
        <comment>bytes</comment>
        <translation>%1&#xa0;o</translation>
    </message>
    <message>
        <source>%1 KB</source>
        <comment>kilobytes</comment>
        <translation>%1&#xa0;Ko</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <comment>megabytes</comment>
        <translation>%1&#xa0;Mo</translation>
    </message>
    <message>
        <source>%1 GB</source>
        <comment>gigabytes</comment>
        <translation>%1&#xa0;Go</translation>
    </message>
    <message>
        <source>%1 TB</source>
        <comment>terabytes</comment>
        <translation>%1&#xa0;To</translation>
    </message>
</context>
<context>
    <name>SyncWithClioBox</name>
    <message>
        <source>Sync with Clio</source>
        <translation>Synchroniser avec Clio</translation>
    </message>
    <message>
        <source>This matter was already in Prolegis when Clio was connected. Link it to its Clio matter, or create one. Its documents stay here until you push them.</source>
        <translation>Ce dossier était déjà dans Prolegis quand Clio a été connecté. Liez-le à son dossier Clio, ou créez-en un. Ses documents restent ici jusqu&apos;à ce que vous les envoyiez.</translation>
    </message>
    <message>
        <source>Clio matters to link</source>
        <translation>Dossiers Clio à lier</translation>
    </message>
    <message>
        <source>Looking for matching Clio matters…</source>
        <translation>Recherche des dossiers Clio correspondants…</translation>
    </message>
    <message>
        <source>%1 · %2 % match</source>
        <translation>%1 · correspondance à %2&#xa0;%</translation>
    </message>
    <message>
        <source>Client: %1
Match: %2 %
Why: %3</source>
        <translation>Client&#xa0;: %1
Correspondance&#xa0;: %2&#xa0;%
Pourquoi&#xa0;: %3</translation>
    </message>
    <message>
        <source>Create a new Clio matter</source>
        <translation>Créer un nouveau dossier Clio</translation>
    </message>
    <message>
        <source>Create and sync</source>
        <translation>Créer et synchroniser</translation>
    </message>
    <message>
        <source>Link and sync</source>
        <translation>Lier et synchroniser</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>This desktop has no system tray, so Prolegis Desktop cannot keep an icon there. It syncs while this window is open; closing the window stops it.</source>
        <translation>Ce bureau n&apos;a pas de zone de notification, donc Prolegis Desktop ne peut pas y garder d&apos;icône. Il synchronise tant que cette fenêtre est ouverte; la fermer l&apos;arrête.</translation>
    </message>
    <message>
        <source>No system tray</source>
        <translation>Aucune zone de notification</translation>
    </message>
    <message>
        <source>Hide this notice</source>
        <translation>Masquer cet avis</translation>
    </message>
</context>
<context>
    <name>TrayController</name>
    <message>
        <source>&amp;Open Prolegis Desktop</source>
        <translation>&amp;Ouvrir Prolegis Desktop</translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation>&amp;Synchroniser maintenant</translation>
    </message>
    <message>
        <source>&amp;Recent activity</source>
        <translation>&amp;Activité récente</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Resume syncing</source>
        <translation>&amp;Reprendre la synchronisation</translation>
    </message>
    <message>
        <source>&amp;Pause syncing</source>
        <translation>Sus&amp;pendre la synchronisation</translation>
    </message>
    <message>
        <source>Prolegis Desktop needs you</source>
        <translation>Prolegis Desktop a besoin de vous</translation>
    </message>
    <message>
        <source>Something needs fixing. Open the window to see what.</source>
        <translation>Quelque chose est à corriger. Ouvrez la fenêtre pour voir quoi.</translation>
    </message>
    <message>
        <source>Version conflict</source>
        <translation>Conflit de versions</translation>
    </message>
    <message>
        <source>{file} was changed here and in Clio ({matter}). Choose which version to keep.</source>
        <translation>{file} a été modifié ici et dans Clio ({matter}). Choisissez la version à garder.</translation>
    </message>
    <message>
        <source>Version conflicts</source>
        <translation>Conflits de versions</translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) changed both here and in Clio. Choose which versions to keep.</source>
        <translation>
            <numerusform>%n document a été modifié ici et dans Clio. Choisissez la version à garder.</numerusform>
            <numerusform>%n documents ont été modifiés ici et dans Clio. Choisissez les versions à garder.</numerusform>
        </translation>
    </message>
    <message>
        <source>Deletions paused</source>
        <translation>Suppressions suspendues</translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) disappeared at once. Nothing was deleted on the other side: confirm or restore them.</source>
        <translation>
            <numerusform>%n document a disparu d&apos;un coup. Rien n&apos;a été supprimé de l&apos;autre côté&#xa0;: confirmez ou restaurez-le.</numerusform>
            <numerusform>%n documents ont disparu d&apos;un coup. Rien n&apos;a été supprimé de l&apos;autre côté&#xa0;: confirmez ou restaurez-les.</numerusform>
        </translation>
    </message>
    <message>
        <source>New matters waiting</source>
        <translation>Nouveaux dossiers en attente</translation>
    </message>
    <message numerus="yes">
        <source>%n new matter(s) wait for your OK before they are created in Clio.</source>
        <translation>
            <numerusform>%n nouveau dossier attend votre accord avant d&apos;être créé dans Clio.</numerusform>
            <numerusform>%n nouveaux dossiers attendent votre accord avant d&apos;être créés dans Clio.</numerusform>
        </translation>
    </message>
    <message>
        <source>A new matter needs a linked client</source>
        <translation>Un nouveau dossier a besoin d&apos;un client lié</translation>
    </message>
    <message>
        <source>{matter} {title}: link one of its clients to a Clio contact so the matter can be created in Clio.</source>
        <translation>{matter} {title}&#xa0;: liez un de ses clients à un contact Clio pour que le dossier puisse être créé dans Clio.</translation>
    </message>
    <message>
        <source>Prolegis ⇄ Clio — {state} · {matters}</source>
        <translation>Prolegis ⇄ Clio — {state} · {matters}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln matter(s)</source>
        <translation>
            <numerusform>%Ln dossier</numerusform>
            <numerusform>%Ln dossiers</numerusform>
        </translation>
    </message>
    <message>
        <source>{up}↑ {down}↓</source>
        <translation>{up}↑ {down}↓</translation>
    </message>
    <message numerus="yes">
        <source>%Ln pending</source>
        <translation>
            <numerusform>%Ln en attente</numerusform>
            <numerusform>%Ln en attente</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln version conflict(s)</source>
        <translation>
            <numerusform>%Ln conflit de versions</numerusform>
            <numerusform>%Ln conflits de versions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln error(s)</source>
        <translation>
            <numerusform>%Ln erreur</numerusform>
            <numerusform>%Ln erreurs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln need(s) attention</source>
        <translation>
            <numerusform>%Ln à traiter</numerusform>
            <numerusform>%Ln à traiter</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing yet</source>
        <translation>Rien pour l&apos;instant</translation>
    </message>
</context>
<context>
    <name>UsernamePage</name>
    <message>
        <source>Your Prolegis username</source>
        <translation>Votre nom d&apos;utilisateur Prolegis</translation>
    </message>
    <message>
        <source>Time entries and expenses are sent to Clio by the computer of the person who recorded them, so none is sent twice.</source>
        <translation>Les entrées de temps et les dépenses sont envoyées vers Clio par l&apos;ordinateur de la personne qui les a saisies, pour qu&apos;aucune ne soit envoyée deux fois.</translation>
    </message>
</context>
<context>
    <name>VersionPanel</name>
    <message>
        <source>Name:</source>
        <translation>Nom&#xa0;:</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>Taille&#xa0;:</translation>
    </message>
    <message>
        <source>Modified:</source>
        <translation>Modifié&#xa0;:</translation>
    </message>
    <message>
        <source>By:</source>
        <translation>Par&#xa0;:</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <source>Open this version</source>
        <translation>Ouvrir cette version</translation>
    </message>
    <message>
        <source>{when} (newer)</source>
        <translation>{when} (plus récente)</translation>
    </message>
    <message>
        <source>you</source>
        <translation>vous</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Connect Prolegis to Clio</source>
        <translation>Connecter Prolegis à Clio</translation>
    </message>
    <message>
        <source>Prolegis Desktop keeps your Prolegis matters and Clio in step from this computer.</source>
        <translation>Prolegis Desktop garde vos dossiers Prolegis et Clio synchronisés depuis cet ordinateur.</translation>
    </message>
    <message>
        <source>Once connected, it will:</source>
        <translation>Une fois connecté, il va&#xa0;:</translation>
    </message>
    <message>
        <source>create a Clio matter for each new Prolegis matter whose client is linked to a Clio contact</source>
        <translation>créer un dossier Clio pour chaque nouveau dossier Prolegis dont le client est lié à un contact Clio</translation>
    </message>
    <message>
        <source>send your time entries and expenses to Clio, and keep them up to date</source>
        <translation>envoyer vos entrées de temps et vos dépenses vers Clio, et les tenir à jour</translation>
    </message>
    <message>
        <source>mirror the documents of synced matters both ways, between your Prolegis folder and Clio</source>
        <translation>refléter les documents des dossiers synchronisés dans les deux sens, entre votre répertoire Prolegis et Clio</translation>
    </message>
    <message>
        <source>It will never do these without asking you:</source>
        <translation>Il ne fera jamais ceci sans vous le demander&#xa0;:</translation>
    </message>
    <message>
        <source>link your existing clients to Clio contacts — you confirm each match</source>
        <translation>lier vos clients existants à des contacts Clio — vous confirmez chaque correspondance</translation>
    </message>
    <message>
        <source>sync pre-existing matters — you choose “Sync with Clio” for each</source>
        <translation>synchroniser les dossiers existants — vous choisissez «&#xa0;Synchroniser avec Clio&#xa0;» pour chacun</translation>
    </message>
    <message>
        <source>send historical documents (those already in a matter folder) — you push them by hand</source>
        <translation>envoyer les documents antérieurs (ceux déjà dans le répertoire d&apos;un dossier) — vous les envoyez vous-même</translation>
    </message>
    <message>
        <source>delete many documents or create many matters at once — it pauses and asks</source>
        <translation>supprimer beaucoup de documents ou créer beaucoup de dossiers d&apos;un coup — il s&apos;arrête et vous demande</translation>
    </message>
</context>
</TS>
