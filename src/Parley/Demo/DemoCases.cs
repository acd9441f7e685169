using Parley.Directory;
using Parley.Requests;

namespace Parley.Demo;

/// Plausible case material for the demo traffic, in the spirit of the bilateral cybercrime cases of 2016.
public static class DemoCases
{
    public sealed record Case(RequestKind Kind, string Subject, string Narrative, string Sector);

    public static readonly Case[] UsToCn =
    [
        new(RequestKind.Information, "Exfiltration of alloy designs from a Pennsylvania steel producer",
            "Between {start} and {end} an actor used stolen VPN credentials to copy design documents from {victim}. Staging servers were leased from a hosting provider in {place}. We ask for subscriber and connection records for the addresses listed.",
            "critical manufacturing"),
        new(RequestKind.Preservation, "Preservation of server images at a hosting provider",
            "Servers in {place} were used as command-and-control for an intrusion into {victim} between {start} and {end}. Please preserve disk images, logs and account data for the listed addresses pending a formal request.",
            "information technology"),
        new(RequestKind.Mitigation, "Ongoing phishing campaign against solar-panel manufacturers",
            "Since {start} spear-phishing mail has targeted engineers at {victim}; the sending infrastructure and landing pages are hosted in {place}. We ask that the domains be suspended and the servers taken offline.",
            "energy"),
        new(RequestKind.InvestigativeAssistance, "Extortion of an online retailer with stolen customer data",
            "From {start} the operators of a forum offered data stolen from {victim} and demanded payment. Payment and forum accounts point to individuals in {place}. We ask for assistance in identifying them.",
            "commercial facilities"),
        new(RequestKind.Mitigation, "DDoS against a regional bank's online banking",
            "Between {start} and {end} {victim} suffered repeated volumetric attacks peaking at 90 Gbit/s; a large share of the traffic came from compromised hosts in {place}. We ask for notification of the owners and mitigation.",
            "financial services"),
        new(RequestKind.Information, "Access to an aerospace supplier's engineering network",
            "Malware found at {victim} on {end} beaconed to the listed domains, registered through a reseller in {place}. We ask for registration and payment records.",
            "defense industrial base"),
        new(RequestKind.Notification, "Notification: compromised hosts used in a botnet",
            "Hosts at the listed addresses in {place} were observed from {start} to {end} participating in a botnet used against {victim}. Provided for remediation; no reply required beyond acknowledgement.",
            "communications"),
    ];

    public static readonly Case[] CnToUs =
    [
        new(RequestKind.InvestigativeAssistance, "Telecom fraud ring using servers in the United States",
            "Between {start} and {end} a fraud ring defrauded residents of {place} by telephone and web portals; the portals were hosted at the listed addresses in the United States. We request identification of the account holders.",
            "financial services"),
        new(RequestKind.Preservation, "Preservation of accounts used to distribute child sexual abuse material",
            "Accounts at a US cloud storage service were used from {start} to {end} to distribute material to users in {place}. Please preserve account contents and logs.",
            "civil society"),
        new(RequestKind.Information, "Intrusion into a provincial government network",
            "Between {start} and {end} an intruder accessed {victim}; the control servers were at the listed US addresses. We request subscriber information.",
            "government"),
        new(RequestKind.Mitigation, "Phishing pages impersonating a Chinese bank hosted in the US",
            "Since {start} pages impersonating {victim} have been hosted at the listed domains. We request takedown.",
            "financial services"),
        new(RequestKind.InvestigativeAssistance, "Online gambling platform laundering proceeds",
            "An illegal gambling platform active from {start} to {end} served users in {place} from infrastructure in the United States. We request assistance in tracing the operators.",
            "commercial facilities"),
    ];

    public static readonly string[] UsVictims = ["a Pennsylvania steel producer", "a California solar-panel maker", "a Washington aerospace supplier", "a New York regional bank", "an Ohio online retailer", "a Texas energy utility"];
    public static readonly string[] CnVictims = ["a Guangdong provincial agency", "a Shanghai commercial bank", "residents of Zhejiang province", "a Beijing university", "a Shenzhen electronics maker"];
    public static readonly string[] CnPlaces = ["Tianjin", "Shenzhen", "Hangzhou", "Chengdu", "Beijing"];
    public static readonly string[] UsPlaces = ["Fujian province", "Guangdong province", "Zhejiang province", "Jiangsu province"];

    public static readonly string[] DeclineReasons =
    [
        "The conduct described is not an offence under the requested party's law; please provide a legal basis.",
        "The addresses belong to a shared hosting provider and no records are kept for the period.",
        "Outside the scope agreed for this mechanism; please use the mutual legal assistance channel.",
    ];

    public static readonly string[] ClarificationQuestions =
    [
        "Please give the exact time range in UTC and the victim's source addresses.",
        "Which of the listed domains were used for command-and-control rather than delivery?",
        "Please provide sample headers of the phishing messages.",
    ];
}
