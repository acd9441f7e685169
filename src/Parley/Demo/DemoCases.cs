using Parley.Requests;

namespace Parley.Demo;

/// Case material for the demo traffic, in the spirit of the bilateral cybercrime cases of 2016.
/// Narratives use {victim}, {place}, {start} and {end}; {place} is where the infrastructure or the
/// victims are on the other side.
public static class DemoCases
{
    public sealed record Case(RequestKind Kind, string Subject, string Narrative, string Sector, string[] Victims, string Answer);

    public static readonly Case[] UsToCn =
    [
        new(RequestKind.Information, "Exfiltration of alloy designs from a US steel producer",
            "Between {start} and {end} an actor used stolen VPN credentials to copy alloy and coating designs from {victim}. The data was staged on servers leased from a hosting provider in {place}. We ask for subscriber and connection records for the listed addresses.",
            "critical manufacturing", ["a Pennsylvania steel producer", "an Ohio specialty-steel mill"],
            "Subscriber records and connection logs for the listed addresses are attached; the leases were paid with a prepaid card."),
        new(RequestKind.Information, "Theft of pricing and trade-case documents from a solar-panel maker",
            "From {start} to {end} mailboxes at {victim} were read by an intruder who exported pricing data and documents about a pending trade case. The mail was relayed through the listed addresses in {place}. We ask for registration and log data.",
            "energy", ["an Oregon solar-panel maker", "a California solar-cell manufacturer"],
            "The relay servers belonged to a small hosting reseller; registration data and retained logs are attached."),
        new(RequestKind.InvestigativeAssistance, "Intrusion into an aerospace supplier's engineering network",
            "Malware found at {victim} on {end} had been beaconing since {start} to the listed domains, registered through a reseller in {place}. Engineering drawings were copied. We ask for help in identifying the operators.",
            "defense industrial base", ["a Washington aerospace supplier", "a Connecticut jet-engine parts maker"],
            "Two individuals linked to the registrations were identified and interviewed; the findings are summarised in the attached report."),
        new(RequestKind.InvestigativeAssistance, "Source code copied from a US technology company",
            "Between {start} and {end} source code of a chip-design product was copied from {victim} to cloud storage accounts opened in {place}. We ask for account records and assistance in locating the account holders.",
            "information technology", ["a Silicon Valley software company", "a Texas semiconductor firm"],
            "The storage accounts were frozen and their holders identified; the case was opened by the provincial public security bureau."),
        new(RequestKind.Preservation, "Preservation of server images at a hosting provider",
            "Servers in {place} were used as command-and-control for an intrusion into {victim} between {start} and {end}. Please preserve disk images, logs and account data for the listed addresses pending a formal mutual legal assistance request.",
            "information technology", ["a Virginia cloud-services company", "a Massachusetts biotech firm"],
            "Disk images, logs and account data have been preserved for 180 days under the listed reference."),
        new(RequestKind.Mitigation, "Spear-phishing infrastructure targeting US engineers",
            "Since {start} spear-phishing mail has targeted engineers at {victim}; the sending infrastructure and landing pages are hosted in {place}. We ask that the domains be suspended and the servers taken offline.",
            "energy", ["a Colorado wind-turbine maker", "a Texas energy utility"],
            "The domains were suspended by the registrar and the servers taken offline."),
        new(RequestKind.Mitigation, "DDoS against a regional bank's online banking",
            "Between {start} and {end} {victim} suffered repeated volumetric attacks peaking at 90 Gbit/s; a large share of the traffic came from compromised hosts in {place}. We ask for notification of the owners and mitigation.",
            "financial services", ["a New York regional bank", "a Midwest credit union"],
            "The owners of 412 of the listed hosts were notified through the national CERT; traffic from the ranges has dropped."),
        new(RequestKind.InvestigativeAssistance, "Ransomware extortion of a hospital network",
            "On {end} files at {victim} were encrypted and a ransom of 40 bitcoin was demanded. The payment portal and the control servers, active since {start}, are hosted in {place}. We ask for assistance in identifying the operators and seizing the servers.",
            "healthcare", ["a California hospital group", "a Kentucky regional hospital"],
            "The control servers were seized and handed to forensic examiners; decryption keys found on them are attached."),
        new(RequestKind.InvestigativeAssistance, "Extortion of an online retailer with stolen customer data",
            "From {start} the operators of a forum offered data stolen from {victim} and demanded payment to withdraw it. Payment and forum accounts point to individuals in {place}. We ask for assistance in identifying them.",
            "commercial facilities", ["an Ohio online retailer", "a Florida travel-booking site"],
            "The forum administrator was detained; the stolen data set was seized and will not be published."),
        new(RequestKind.Information, "Business e-mail compromise: wire fraud against a manufacturer",
            "Between {start} and {end} {victim} was tricked into wiring USD 1.9 million after its supplier's mailbox was compromised. Look-alike domains were registered through a reseller in {place}. We ask for registration, payment and login records.",
            "financial services", ["a Michigan auto-parts maker", "a Georgia logistics company"],
            "Registration and payment records are attached; the receiving bank account was frozen with part of the funds."),
        new(RequestKind.Preservation, "Preservation of accounts sharing child sexual abuse material",
            "Accounts on a file-sharing service hosted in {place} were used from {start} to {end} to distribute material depicting children identified in {victim}. Please preserve account contents, subscriber data and logs.",
            "child protection", ["the United States", "Texas"],
            "The accounts and their contents have been preserved and the service provider instructed not to notify the users."),
        new(RequestKind.Notification, "Notification: compromised hosts used in a botnet",
            "Hosts at the listed addresses in {place} were observed from {start} to {end} participating in a botnet used against {victim}. Provided for remediation; no reply required beyond acknowledgement.",
            "communications", ["a US telecommunications carrier", "a US DNS provider"],
            "The notification was passed to the network operators for remediation."),
    ];

    public static readonly Case[] CnToUs =
    [
        new(RequestKind.InvestigativeAssistance, "Telecom fraud ring using servers in the United States",
            "Between {start} and {end} a fraud ring posing as police officers defrauded {victim} by telephone and web portals; the portals were hosted at the listed addresses in {place}. We request identification of the account holders.",
            "financial services", ["residents of Fujian province", "elderly residents of Zhejiang province"],
            "Subscriber records identify two account holders; both accounts were closed by the provider."),
        new(RequestKind.Preservation, "Preservation of accounts used to distribute child sexual abuse material",
            "Accounts at a cloud storage service in {place} were used from {start} to {end} to distribute material to users in {victim}. Please preserve account contents and logs.",
            "child protection", ["Guangdong province", "Sichuan province"],
            "The provider preserved the accounts for 90 days; a mutual legal assistance request will be needed for the contents."),
        new(RequestKind.Information, "Intrusion into a provincial government network",
            "Between {start} and {end} an intruder accessed {victim}; the control servers were at the listed addresses in {place}. We request subscriber information and connection logs.",
            "government", ["a Guangdong provincial agency", "a municipal public-service portal in Hubei"],
            "The servers were rented virtual machines paid from abroad; the subscriber records are attached."),
        new(RequestKind.Mitigation, "Phishing pages impersonating a Chinese bank",
            "Since {start} pages impersonating {victim} have been hosted at the listed domains in {place}. We request takedown.",
            "financial services", ["a Shanghai commercial bank", "a national payment service"],
            "The hosting provider removed the pages and suspended the customer account."),
        new(RequestKind.InvestigativeAssistance, "Illegal online gambling platform laundering proceeds",
            "An illegal gambling platform active from {start} to {end} served {victim} from infrastructure in {place}. We request assistance in tracing the operators and the payment processors.",
            "commercial facilities", ["users in Jiangsu province", "users in Fujian province"],
            "The payment processor's records were obtained by subpoena; a summary of the account flows is attached."),
        new(RequestKind.Mitigation, "DDoS against an online game company",
            "Between {start} and {end} {victim} suffered attacks of up to 60 Gbit/s; the booter service selling them is hosted at the listed addresses in {place}. We request that the service be taken offline.",
            "information technology", ["a Shenzhen online game company", "a Hangzhou e-commerce platform"],
            "The booter service's servers were taken offline and its operator has been charged."),
        new(RequestKind.Information, "Ransomware against a hospital information system",
            "On {end} the information system of {victim} was encrypted; the malware, in circulation since {start}, contacted the listed servers in {place}. We request the server owners' records and any analysis of the samples.",
            "healthcare", ["a hospital in Hubei province", "a hospital group in Shandong"],
            "The servers were compromised hosts of an unrelated company; its logs and a malware analysis are attached."),
        new(RequestKind.Notification, "Notification: US hosts scanning Chinese networks",
            "Hosts at the listed addresses in {place} scanned and attacked networks of {victim} from {start} to {end}. Provided for remediation.",
            "communications", ["Chinese universities", "Chinese telecommunications operators"],
            "The network owners were notified through US-CERT."),
    ];

    /// Where the infrastructure named in a US request sits in China.
    public static readonly string[] ChinesePlaces = ["Tianjin", "Shenzhen", "Hangzhou", "Chengdu", "Beijing", "Xiamen"];

    /// Where the infrastructure named in a Chinese request sits in the United States.
    public static readonly string[] UsPlaces = ["Los Angeles", "a data centre in Dallas", "Ashburn, Virginia", "Seattle", "New Jersey"];

    public static readonly string[] DeclineReasons =
    [
        "The conduct described is not an offence under the requested party's law; please provide the legal basis relied on.",
        "The addresses belong to a shared hosting provider that kept no records for the period.",
        "Outside the scope agreed for this mechanism; please use the mutual legal assistance channel.",
        "The request concerns the same facts as a case already closed under an earlier reference.",
    ];

    public static readonly string[] ClarificationQuestions =
    [
        "Please give the exact time range in UTC and the victim's source addresses.",
        "Which of the listed domains were used for command-and-control rather than delivery?",
        "Please provide sample headers of the phishing messages.",
        "Please confirm the amount lost and the account the funds were sent to.",
    ];

    public static readonly string[] Clarifications =
    [
        "Time range 02:10–04:45 UTC on the dates given; victim addresses are in 198.51.100.0/26.",
        "Only the first two domains served as command-and-control; the others delivered the malware.",
        "Full headers of three messages are attached.",
        "The loss is confirmed; the receiving account details are attached.",
    ];

    public static readonly string[] PartialAnswers =
    [
        "Preliminary findings: the servers were leased under false identity documents; records preserved, analysis continuing.",
        "The provider has confirmed it holds the requested records; they will follow once reviewed.",
        "Part of the listed infrastructure has been identified; the rest is still being traced.",
    ];

    public static readonly string[] GoodRatingComments =
    [
        "Complete records; enough to identify the operator.",
        "Timely and usable; the servers were taken down as asked.",
        "Useful answer; logs matched our own observations.",
    ];

    public static readonly string[] PoorRatingComments =
    [
        "The answer repeats our own request and adds nothing.",
        "Records came after the retention period had passed; nothing usable.",
        "No indication of what was done about the servers.",
    ];

    public static readonly string[] RatingReplies =
    [
        "The provider keeps connection logs for 60 days only; the request reached us after that.",
        "Action was taken under domestic law; details cannot be shared at this stage.",
    ];
}
